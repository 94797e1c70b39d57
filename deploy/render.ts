import { DIRECTORIES, FILES, SECRETS, SERVICE_PORTS, SETTINGS, type EnvValue, type FarmiqService } from './topology';

/**
 * deploy/topology.ts's values in each deployment's syntax. The tests compare compose.yaml and
 * the rendered Kubernetes manifests with these, so an edit to either without the other fails.
 */

/** Compose builds these two from the passwords it also gives PostgreSQL and Mosquitto's job. */
const COMPOSE_SECRET_EXPRESSIONS: Partial<Record<keyof typeof SECRETS, string>> = {
  DATABASE_URL: 'postgresql://farmiq:${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}@postgres:5432/farmiq',
  MQTT_URL: 'mqtts://farmiq-ingestor:${INGESTOR_MQTT_PASSWORD:?set INGESTOR_MQTT_PASSWORD}@mosquitto:8883',
};

/** A value as compose.yaml spells it (services are reached by their compose name). */
export function composeValue(value: EnvValue): string {
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'port':
      return String(value.port);
    case 'url':
      return `${value.scheme}://${value.service}:${SERVICE_PORTS[value.service]}${value.path}`;
    case 'secret':
      return COMPOSE_SECRET_EXPRESSIONS[value.name] ?? (value.optional ? `\${${value.name}:-}` : `\${${value.name}:?set ${value.name}}`);
    case 'setting':
      return `\${${value.name}:-${SETTINGS[value.name].default}}`;
    case 'file':
      return FILES[value.name].path;
    case 'directory':
      return DIRECTORIES[value.name].path;
  }
}

export const composeEnvironment = (env: Record<string, EnvValue>): Record<string, string> =>
  Object.fromEntries(Object.entries(env).map(([name, value]) => [name, composeValue(value)]));

/** The Kubernetes Secret External Secrets Operator writes for a secret: `farmiq-<kebab name>`, key `value`. */
export const kubernetesSecretName = (name: keyof typeof SECRETS) => `farmiq-${name.toLowerCase().replace(/_/g, '-')}`;
/** The ConfigMap that holds the operator's settings. */
export const SETTINGS_CONFIG_MAP = 'farmiq-settings';

export type KubernetesEnvVar =
  | { name: string; value: string }
  | { name: string; valueFrom: { secretKeyRef: { name: string; key: string; optional?: boolean } } | { configMapKeyRef: { name: string; key: string } } };

/** A container's `env` entry (Services are named after the service, in the same namespace). */
export function kubernetesEnvVar(name: string, value: EnvValue): KubernetesEnvVar {
  switch (value.kind) {
    case 'literal':
      return { name, value: value.value };
    case 'port':
      return { name, value: String(value.port) };
    case 'url':
      return { name, value: `${value.scheme}://${value.service}:${SERVICE_PORTS[value.service]}${value.path}` };
    case 'secret':
      return { name, valueFrom: { secretKeyRef: { name: kubernetesSecretName(value.name), key: 'value', ...(value.optional ? { optional: true } : {}) } } };
    case 'setting':
      return { name, valueFrom: { configMapKeyRef: { name: SETTINGS_CONFIG_MAP, key: value.name } } };
    case 'file':
      return { name, value: FILES[value.name].path };
    case 'directory':
      return { name, value: DIRECTORIES[value.name].path };
  }
}

export const kubernetesEnv = (env: Record<string, EnvValue>): KubernetesEnvVar[] => Object.entries(env).map(([name, value]) => kubernetesEnvVar(name, value));

/** What a process on one machine needs to turn the deployment's values into its own. */
export interface LocalDeployment {
  /** Where each service already listens on this machine. */
  ports: Partial<Record<FarmiqService | 'postgres' | 'redis' | 'mosquitto', number>>;
  secrets: Partial<Record<keyof typeof SECRETS, string>>;
  settings: Partial<Record<keyof typeof SETTINGS, string>>;
  files: Record<keyof typeof FILES, string>;
  directories: Record<keyof typeof DIRECTORIES, string>;
}

/**
 * The environment of `service` as a process on this machine: exactly the deployment's, with
 * services at 127.0.0.1 on their ports of this machine (the process's own from `local.ports`,
 * else 0: never a fixed port beside other tests), secrets and settings from `local`. An optional secret that is absent is
 * left out, as compose's empty value would be.
 */
export function localEnvironment(service: FarmiqService | undefined, env: Record<string, EnvValue>, local: LocalDeployment): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    switch (value.kind) {
      case 'literal':
        out[name] = value.value;
        break;
      case 'port':
        // Many processes share this machine: the metrics port, like any port not given, is a free one.
        out[name] = String((value.listens === 'service' && service && local.ports[service]) || 0);
        break;
      case 'url': {
        const port = local.ports[value.service];
        if (port === undefined) throw new Error(`${service ?? 'job'}: ${name} needs ${value.service}, which is not up yet`);
        out[name] = `${value.scheme}://127.0.0.1:${port}${value.path}`;
        break;
      }
      case 'secret': {
        const secret = local.secrets[value.name];
        if (secret !== undefined) out[name] = secret;
        else if (!value.optional) throw new Error(`${service ?? 'job'}: no value for the secret ${value.name}`);
        break;
      }
      case 'setting':
        out[name] = local.settings[value.name] ?? SETTINGS[value.name].default;
        break;
      case 'file':
        out[name] = local.files[value.name];
        break;
      case 'directory':
        out[name] = local.directories[value.name];
        break;
    }
  }
  return out;
}
