import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { generatedFiles, renderFile } from '../k8s/generate';
import { kubernetesEnv } from '../render';
import { BACKUP_ENV, BROKER_FILES_ENV, FARMIQ_SERVICES, SERVICE_ENV } from '../topology';

/**
 * deploy/k8s as an operator applies it: each overlay rendered by `kubectl kustomize`, every object
 * validated against the Kubernetes API schemas offline (deploy/k8s/validate.mjs), and the rules
 * of issue #15 checked on the rendered objects, not on the sources.
 */
const K8S = path.join(__dirname, '..', 'k8s');
const OVERLAYS = ['dev', 'prod'] as const;

type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
};
type LabelSelector = { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> };

const render = (overlay: string): string => execFileSync('kubectl', ['kustomize', path.join(K8S, 'overlays', overlay)], { encoding: 'utf8' });
const parse = (text: string): Obj[] =>
  parseAllDocuments(text)
    .map((document) => document.toJS() as Obj)
    .filter(Boolean);
const validate = (text: string): Array<{ kind: string; name: string; error: string }> =>
  JSON.parse(execFileSync(process.execPath, [path.join(K8S, 'validate.mjs')], { input: text, encoding: 'utf8', cwd: path.join(__dirname, '..', '..') }));

/** Kubernetes' label selector semantics (the operators the manifests use). */
function selects(selector: LabelSelector, labels: Record<string, string>): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpression = (selector.matchExpressions ?? []).every((expression) => {
    const value = labels[expression.key];
    if (expression.operator === 'In') return value !== undefined && expression.values!.includes(value);
    if (expression.operator === 'NotIn') return value === undefined || !expression.values!.includes(value);
    if (expression.operator === 'Exists') return value !== undefined;
    return value === undefined;
  });
  return byLabel && byExpression;
}

const podTemplate = (object: Obj) => (object.kind === 'CronJob' ? object.spec.jobTemplate.spec.template : object.spec.template);
const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'Job', 'CronJob'];

describe('deploy/k8s/base/generated', () => {
  it('is what deploy/k8s/generate.ts makes of deploy/topology.ts (run `npm run k8s:generate`)', () => {
    for (const [file, objects] of Object.entries(generatedFiles())) {
      expect({ file, text: fs.readFileSync(path.join(K8S, 'base', 'generated', file), 'utf8') }).toEqual({ file, text: renderFile(objects) });
    }
  });
});

describe('deploy/k8s/validate.mjs', () => {
  it('reports an invalid object (the validation can fail)', () => {
    const broken = render('dev').replace(/replicas: 1\n/, 'replicas: one\n');
    expect(validate(broken).filter((problem) => problem.error !== 'no schema')).toEqual([
      expect.objectContaining({ error: expect.stringContaining('replicas') }),
    ]);
  });
});

describe.each(OVERLAYS)('deploy/k8s/overlays/%s', (overlay) => {
  const text = render(overlay);
  const objects = parse(text);
  const workloads = objects.filter((object) => WORKLOAD_KINDS.includes(object.kind));
  const policies = objects.filter((object) => object.kind === 'NetworkPolicy');
  const externalSecretTargets = new Set(objects.filter((object) => object.kind === 'ExternalSecret').map((object) => object.spec.target.name as string));

  it('renders every object into its namespace', () => {
    expect(objects.length).toBeGreaterThan(40);
    const namespace = overlay === 'prod' ? 'farmiq' : 'farmiq-dev';
    for (const object of objects.filter((candidate) => candidate.kind !== 'Namespace'))
      expect({ kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace }).toEqual({
        kind: object.kind,
        name: object.metadata.name,
        namespace,
      });
  });

  it('validates every object against the Kubernetes schemas; CloudNativePG, which has no schema package, is checked by hand', () => {
    const problems = validate(text);
    expect(problems.filter((problem) => !(problem.error === 'no schema' && ['Cluster', 'ScheduledBackup'].includes(problem.kind)))).toEqual([]);
    const cluster = objects.find((object) => object.kind === 'Cluster')!;
    expect(cluster.apiVersion).toBe('postgresql.cnpg.io/v1');
    expect(Number.isInteger(cluster.spec.instances) && cluster.spec.instances >= 1).toBe(true);
    expect(externalSecretTargets).toContain(cluster.spec.bootstrap.initdb.secret.name);
    expect(cluster.spec.backup.barmanObjectStore.destinationPath).toMatch(/^s3:\/\//);
    for (const credential of Object.values(cluster.spec.backup.barmanObjectStore.s3Credentials) as Array<{ name: string }>)
      expect(externalSecretTargets).toContain(credential.name);
    const backup = objects.find((object) => object.kind === 'ScheduledBackup')!;
    expect(backup.spec.cluster.name).toBe(cluster.metadata.name);
    expect(backup.spec.schedule.split(' ')).toHaveLength(6);
  });

  it.each(['Deployment', 'StatefulSet'])('gives every %s container probes, requests and limits and a hardened security context', (kind) => {
    for (const workload of workloads.filter((object) => object.kind === kind)) {
      const spec = podTemplate(workload).spec;
      expect({ name: workload.metadata.name, pod: spec.securityContext }).toEqual({
        name: workload.metadata.name,
        pod: expect.objectContaining({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }),
      });
      for (const container of spec.containers) {
        const where = `${workload.metadata.name}/${container.name}`;
        expect({ where, liveness: Boolean(container.livenessProbe), readiness: Boolean(container.readinessProbe) }).toEqual({
          where,
          liveness: true,
          readiness: true,
        });
        expect({
          where,
          limits: Object.keys(container.resources?.limits ?? {}).sort(),
          requests: Object.keys(container.resources?.requests ?? {}).sort(),
        }).toEqual({ where, limits: ['cpu', 'memory'], requests: ['cpu', 'memory'] });
        expect({ where, securityContext: container.securityContext }).toEqual({
          where,
          securityContext: expect.objectContaining({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } }),
        });
      }
    }
  });

  it('probes each FarmIQ target on /healthz and /readyz of its own port', () => {
    for (const service of FARMIQ_SERVICES) {
      const container = podTemplate(workloads.find((object) => object.metadata.name === service)!).spec.containers[0];
      const port = container.ports[0].containerPort;
      expect({ service, liveness: container.livenessProbe.httpGet, readiness: container.readinessProbe.httpGet }).toEqual({
        service,
        liveness: { path: '/healthz', port },
        readiness: { path: '/readyz', port },
      });
    }
  });

  it('gives every FarmIQ process exactly the environment of deploy/topology.ts', () => {
    for (const service of FARMIQ_SERVICES) {
      const container = podTemplate(workloads.find((object) => object.metadata.name === service)!).spec.containers[0];
      expect({ service, env: container.env }).toEqual({ service, env: kubernetesEnv(SERVICE_ENV[service]) });
    }
    const mosquitto = podTemplate(workloads.find((object) => object.metadata.name === 'mosquitto')!).spec;
    for (const container of [...mosquitto.initContainers, ...mosquitto.containers].filter((candidate: any) => candidate.name.startsWith('broker-files'))) {
      expect(container.env).toEqual(kubernetesEnv(BROKER_FILES_ENV));
    }
  });

  it('takes every secret from a Secret that an ExternalSecret fills, and holds no Secret of its own', () => {
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
    const referenced = new Set<string>();
    for (const workload of workloads) {
      const spec = podTemplate(workload).spec;
      for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
        for (const variable of container.env ?? []) if (variable.valueFrom?.secretKeyRef) referenced.add(variable.valueFrom.secretKeyRef.name);
      }
      for (const volume of spec.volumes ?? []) if (volume.secret) referenced.add(volume.secret.secretName);
    }
    expect(referenced.size).toBeGreaterThan(5);
    for (const name of referenced) expect({ name, fromExternalSecret: externalSecretTargets.has(name) }).toEqual({ name, fromExternalSecret: true });
  });

  it('denies all traffic by default and lets some policy reach every Service on its port', () => {
    expect(policies.find((policy) => policy.metadata.name === 'default-deny')!.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    for (const service of objects.filter((object) => object.kind === 'Service')) {
      const backend = workloads.find((workload) => selects({ matchLabels: service.spec.selector }, podTemplate(workload).metadata.labels));
      expect({ service: service.metadata.name, backend: Boolean(backend) }).toEqual({ service: service.metadata.name, backend: true });
      const labels = podTemplate(backend!).metadata.labels;
      const containerPorts = podTemplate(backend!).spec.containers.flatMap((container: any) => container.ports ?? []);
      for (const port of service.spec.ports) {
        const number =
          typeof port.targetPort === 'string'
            ? containerPorts.find((candidate: any) => candidate.name === port.targetPort)?.containerPort
            : (port.targetPort ?? port.port);
        const reachable = policies.some(
          (policy) =>
            selects(policy.spec.podSelector, labels) &&
            (policy.spec.ingress ?? []).some((rule: any) => !rule.ports || rule.ports.some((allowed: any) => allowed.port === number)),
        );
        expect({ service: service.metadata.name, port: number, reachable }).toEqual({ service: service.metadata.name, port: number, reachable: true });
      }
    }
  });

  it('lets nothing but the gateway (and Prometheus) reach a subgraph; identity also serves its public keys to the subgraphs; billing its webhook to the ingress controller', () => {
    const allowedPeers: Record<string, string[]> = {
      identity: ['gateway', 'monitoring', 'devices,telemetry,kpi,billing'],
      devices: ['gateway', 'monitoring'],
      telemetry: ['gateway', 'monitoring'],
      kpi: ['gateway', 'monitoring'],
      billing: ['gateway', 'monitoring', 'ingress-nginx'],
    };
    for (const [subgraph, allowed] of Object.entries(allowedPeers)) {
      const labels = podTemplate(workloads.find((object) => object.metadata.name === subgraph)!).metadata.labels;
      const peers = policies
        .filter((policy) => selects(policy.spec.podSelector, labels))
        .flatMap((policy) => (policy.spec.ingress ?? []).flatMap((rule: any) => rule.from ?? [{ everyone: true }]))
        .map((peer: any) =>
          peer.podSelector && !peer.namespaceSelector
            ? (peer.podSelector.matchLabels?.['app.kubernetes.io/component'] ?? peer.podSelector.matchExpressions[0].values.join(','))
            : peer.namespaceSelector && !peer.podSelector
              ? peer.namespaceSelector.matchLabels['kubernetes.io/metadata.name']
              : JSON.stringify(peer),
        );
      expect({ subgraph, peers: [...new Set(peers)].sort() }).toEqual({ subgraph, peers: [...allowed].sort() });
    }
  });

  it('autoscales the gateway and budgets disruptions of every FarmIQ workload', () => {
    const autoscaler = objects.find((object) => object.kind === 'HorizontalPodAutoscaler')!;
    expect(autoscaler.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
    const budgets = objects.filter((object) => object.kind === 'PodDisruptionBudget').map((object) => object.metadata.name);
    for (const service of FARMIQ_SERVICES) expect(budgets).toContain(service);
  });

  it.each(['Job', 'CronJob'])('gives every %s container requests, limits and a hardened security context', (kind) => {
    for (const workload of workloads.filter((object) => object.kind === kind)) {
      const spec = podTemplate(workload).spec;
      expect(spec.securityContext).toEqual(expect.objectContaining({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }));
      for (const container of spec.containers) {
        expect(Object.keys(container.resources.limits).sort()).toEqual(['cpu', 'memory']);
        expect(container.securityContext).toEqual(
          expect.objectContaining({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } }),
        );
      }
    }
  });

  it('backs up nightly with `farmiq backup` and the environment of deploy/topology.ts', () => {
    const cronJob = workloads.find((object) => object.kind === 'CronJob' && object.metadata.name === 'backup')!;
    const container = podTemplate(cronJob).spec.containers[0];
    expect(container.command.join(' ')).toContain('bin/farmiq.ts backup --out');
    expect(container.env).toEqual(kubernetesEnv(BACKUP_ENV));
  });

  it('runs the migration as a Job before the release', () => {
    const job = workloads.find((object) => object.kind === 'Job' && object.metadata.name === 'migrate')!;
    expect(podTemplate(job).spec.containers[0].args).toEqual(['migrate']);
  });
});
