import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useSecurityText } from './securityText';

/** The QR code of an otpauth URI, with the key written out for those who type it in. */
export function TotpQr({ secret, otpauthUri }: { secret: string; otpauthUri: string }) {
  const text = useSecurityText();
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(otpauthUri, { margin: 2, width: 220 }).then((url) => live && setDataUrl(url));
    return () => {
      live = false;
    };
  }, [otpauthUri]);
  return (
    <div className="stack">
      {dataUrl && <img src={dataUrl} width={220} height={220} alt={text('mfa.qrAlt')} data-otpauth={otpauthUri} />}
      <p>
        {text('mfa.secretLabel')}: <code className="totp-secret">{secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </p>
    </div>
  );
}
