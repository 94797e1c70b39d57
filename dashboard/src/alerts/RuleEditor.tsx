import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { METRICS_BY_KIND } from '../../../lib/deviceKinds';
import { errorMessage } from '../api/errors';
import { useMetricLabel } from '../farm/useMetricLabel';
import { graphql } from '../gql';
import type { Comparison } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';
import { usePermissions } from '../session/Viewer';

const BarnRulesDocument = graphql(`
  query BarnRules($barnId: ID!) {
    barn(id: $barnId) {
      id
      name
      farm {
        id
        name
      }
      alertRules {
        id
        metric
        comparison
        threshold
        clearThreshold
        minDurationSeconds
        enabled
      }
    }
  }
`);

const CreateAlertRuleDocument = graphql(`
  mutation CreateAlertRule($input: CreateAlertRuleInput!) {
    createAlertRule(input: $input) {
      id
      metric
      comparison
      threshold
      clearThreshold
      minDurationSeconds
      enabled
    }
  }
`);

const UpdateAlertRuleDocument = graphql(`
  mutation UpdateAlertRule($id: ID!, $input: UpdateAlertRuleInput!) {
    updateAlertRule(id: $id, input: $input) {
      id
      enabled
    }
  }
`);

const DeleteAlertRuleDocument = graphql(`
  mutation DeleteAlertRule($id: ID!) {
    deleteAlertRule(id: $id)
  }
`);

const BUILT_INS = ['HEAT_STRESS_THI', 'AMMONIA_HIGH', 'WATER_INTAKE_DROP'] as const;
/** Every metric a device kind reports, with its unit: what a rule may watch. */
const RULE_METRICS = Object.values(METRICS_BY_KIND).flat();

/** A barn's alert rules: the three built-ins every barn has, beside the tenant's own. */
export function RuleEditor() {
  const { barnId = '' } = useParams();
  const { t, format } = useI18n();
  const label = useMetricLabel();
  const { canManageFarm } = usePermissions();
  const [{ data, error }] = useQuery({ query: BarnRulesDocument, variables: { barnId } });
  const [, updateRule] = useMutation(UpdateAlertRuleDocument);
  const [, deleteRule] = useMutation(DeleteAlertRuleDocument);
  const [failure, setFailure] = useState<string | null>(null);
  const barn = data?.barn;
  const unit = (metric: string) => RULE_METRICS.find((definition) => definition.name === metric)?.unit ?? '';

  async function run(action: Promise<{ error?: Parameters<typeof errorMessage>[0] }>) {
    setFailure(null);
    const result = await action;
    if (result.error) setFailure(errorMessage(result.error, t));
  }

  if (error) return <p role="alert">{errorMessage(error, t)}</p>;
  if (!barn) return <p role="status">{t('common.loading')}</p>;
  return (
    <section aria-labelledby="rules-heading">
      <div className="page-heading">
        <h1 id="rules-heading">{t('rules.heading', { barn: barn.name })}</h1>
        <Link to={`/farms/${barn.farm.id}/barns/${barn.id}`}>{t('rules.backToBarn')}</Link>
      </div>
      <h2>{t('rules.builtIns')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rules.rule')}</th>
              <th scope="col">{t('rules.definition')}</th>
            </tr>
          </thead>
          <tbody>
            {BUILT_INS.map((kind) => (
              <tr key={kind}>
                <th scope="row">{t(`builtIn.${kind}`)}</th>
                <td>{t(`builtIn.${kind}.definition`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('rules.own')}</h2>
      {failure && <p role="alert">{failure}</p>}
      {barn.alertRules.length === 0 ? (
        <p>{t('rules.noneOwn')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('rules.metric')}</th>
                <th scope="col">{t('rules.condition')}</th>
                <th scope="col">{t('rules.clearsAt')}</th>
                <th scope="col">{t('rules.minDuration')}</th>
                <th scope="col">{t('rules.state')}</th>
                {canManageFarm && <th scope="col">{t('rules.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {barn.alertRules.map((rule) => (
                <tr key={rule.id}>
                  <th scope="row">{label(rule.metric)}</th>
                  <td>
                    {t(rule.comparison === 'ABOVE' ? 'alerts.above' : 'alerts.below', { threshold: format.quantity(rule.threshold, unit(rule.metric), 2) })}
                  </td>
                  <td>{format.quantity(rule.clearThreshold, unit(rule.metric), 2)}</td>
                  <td>{t('rules.minutes', { count: format.number(rule.minDurationSeconds / 60, 1) })}</td>
                  <td>{rule.enabled ? t('rules.enabled') : t('rules.disabled')}</td>
                  {canManageFarm && (
                    <td className="row">
                      <button type="button" onClick={() => void run(updateRule({ id: rule.id, input: { enabled: !rule.enabled } }))}>
                        {rule.enabled ? t('rules.disable') : t('rules.enable')}
                      </button>
                      <button type="button" className="danger" onClick={() => void run(deleteRule({ id: rule.id }))}>
                        {t('rules.delete')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManageFarm && <NewRuleForm barnId={barn.id} unit={unit} />}
    </section>
  );
}

function NewRuleForm({ barnId, unit }: { barnId: string; unit: (metric: string) => string }) {
  const { t } = useI18n();
  const label = useMetricLabel();
  const [metric, setMetric] = useState('temperatureC');
  const [comparison, setComparison] = useState<Comparison>('ABOVE');
  const [threshold, setThreshold] = useState('');
  const [clearThreshold, setClearThreshold] = useState('');
  const [minutes, setMinutes] = useState('0');
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateAlertRuleDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const result = await create({
      input: {
        barnId,
        metric,
        comparison,
        threshold: Number(threshold),
        ...(clearThreshold === '' ? {} : { clearThreshold: Number(clearThreshold) }),
        minDurationSeconds: Math.round(Number(minutes) * 60),
      },
    });
    if (result.error) setFailure(errorMessage(result.error, t));
    else {
      setThreshold('');
      setClearThreshold('');
    }
  }

  return (
    <form className="stack card" onSubmit={submit} aria-labelledby="new-rule-heading">
      <h2 id="new-rule-heading">{t('rules.add')}</h2>
      <div className="row">
        <label>
          {t('rules.metric')}
          <select value={metric} onChange={(event) => setMetric(event.target.value)}>
            {RULE_METRICS.map((definition) => (
              <option key={definition.name} value={definition.name}>
                {label(definition.name)} ({definition.unit})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('rules.comparison')}
          <select value={comparison} onChange={(event) => setComparison(event.target.value as Comparison)}>
            <option value="ABOVE">{t('rules.above')}</option>
            <option value="BELOW">{t('rules.below')}</option>
          </select>
        </label>
        <label>
          {t('rules.threshold', { unit: unit(metric) })}
          <input type="number" step="any" inputMode="decimal" value={threshold} onChange={(event) => setThreshold(event.target.value)} required />
        </label>
        <label>
          {t('rules.clearThreshold', { unit: unit(metric) })}
          <input type="number" step="any" inputMode="decimal" value={clearThreshold} onChange={(event) => setClearThreshold(event.target.value)} />
        </label>
        <label>
          {t('rules.minDurationMinutes')}
          <input
            type="number"
            min="0"
            max="1440"
            step="any"
            inputMode="decimal"
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            required
          />
        </label>
      </div>
      <p className="muted">{t('rules.hysteresisHelp')}</p>
      {failure && <p role="alert">{failure}</p>}
      <div>
        <button type="submit" className="primary" disabled={fetching}>
          {t('rules.create')}
        </button>
      </div>
    </form>
  );
}
