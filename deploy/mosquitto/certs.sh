#!/bin/sh
# Makes the broker's TLS files with openssl: a CA (kept, reused on renewal) and a server
# certificate it signs for the names devices and the ingestor connect to.
#   deploy/mosquitto/certs.sh OUT_DIR [NAME ...]     NAME: a DNS name or an IP address
# Default names: mosquitto (the compose service) and localhost. Devices and the ingestor trust
# OUT_DIR/ca.crt (not the server certificate), so renewing the server certificate, which is what
# running this again does, needs nothing on the devices. Keep ca.key offline when you can.
set -eu
out=${1:?usage: certs.sh OUT_DIR [NAME ...]}
shift
[ "$#" -gt 0 ] || set -- mosquitto localhost
# Short-lived server certificates: renewed by running this script again (see deploy/README.md).
server_days=${SERVER_DAYS:-397}
ca_days=${CA_DAYS:-3650}
mkdir -p "$out"
umask 077

san=""
for name in "$@"; do
  case "$name" in
    *[!0-9.]*) entry="DNS:$name" ;; # not only digits and dots: a host name
    *) entry="IP:$name" ;;
  esac
  san="${san:+$san,}$entry"
done

if [ ! -f "$out/ca.key" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days "$ca_days" \
    -subj "/CN=FarmIQ MQTT CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$out/ca.key" -out "$out/ca.crt" 2>/dev/null
fi

openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$1" \
  -keyout "$out/server.key" -out "$out/server.csr" 2>/dev/null
extensions="$out/server.ext"
printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\nbasicConstraints=CA:FALSE\n' "$san" > "$extensions"
openssl x509 -req -in "$out/server.csr" -CA "$out/ca.crt" -CAkey "$out/ca.key" -CAcreateserial \
  -days "$server_days" -extfile "$extensions" -out "$out/server.crt" 2>/dev/null
rm -f "$out/server.csr" "$extensions" "$out/ca.srl"
# The CA certificate is public: devices and the ingestor get it.
chmod 644 "$out/ca.crt" "$out/server.crt"
echo "certs.sh: $out/server.crt for $san, signed by $out/ca.crt"
