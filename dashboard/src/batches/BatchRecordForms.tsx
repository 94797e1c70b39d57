import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';

const RecordHealthDocument = graphql(`
  mutation RecordHealth($input: RecordHealthInput!) {
    recordHealth(input: $input) {
      id
    }
  }
`);
const RecordWeighSessionDocument = graphql(`
  mutation RecordWeighSession($batchId: ID!, $weightsKg: [Float!]!, $weighedOn: Date!) {
    recordWeighSession(batchId: $batchId, weightsKg: $weightsKg, weighedOn: $weighedOn) {
      id
    }
  }
`);

/** Weights typed or pasted from a scale: numbers (decimal point) separated by spaces, commas, semicolons or new lines. */
export function parseWeights(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const weights = parts.map(Number);
  return weights.length > 0 && weights.every((value) => Number.isFinite(value) && value > 0) ? weights : null;
}

/** Sick and treated animals of a day, with what was given. */
export function HealthRecordForm({ batchId, today }: { batchId: string; today: string }) {
  const { t } = useI18n();
  const [day, setDay] = useState(today);
  const [sick, setSick] = useState('0');
  const [treated, setTreated] = useState('0');
  const [treatment, setTreatment] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [{ fetching }, record] = useMutation(RecordHealthDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const result = await record({
      input: { batchId, recordedOn: day, sickCount: Number(sick), treatedCount: Number(treated), treatment: treatment.trim() || null },
    });
    if (result.error) return setMessage({ kind: 'error', text: errorMessage(result.error, t) });
    setMessage({ kind: 'ok', text: t('record.saved') });
    setSick('0');
    setTreated('0');
    setTreatment('');
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="health-form-heading">
      <h2 id="health-form-heading">{t('healthRecord.heading')}</h2>
      <label>
        {t('record.day')}
        <input type="date" value={day} max={today} onChange={(event) => setDay(event.target.value)} required />
      </label>
      <div className="row">
        <label>
          {t('healthRecord.sick')}
          <input type="number" inputMode="numeric" min="0" step="1" value={sick} onChange={(event) => setSick(event.target.value)} required />
        </label>
        <label>
          {t('healthRecord.treated')}
          <input type="number" inputMode="numeric" min="0" step="1" value={treated} onChange={(event) => setTreated(event.target.value)} required />
        </label>
      </div>
      <label>
        {t('healthRecord.treatment')}
        <input value={treatment} maxLength={200} onChange={(event) => setTreatment(event.target.value)} />
      </label>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      <div>
        <button type="submit" className="primary" disabled={fetching}>
          {t('healthRecord.save')}
        </button>
      </div>
    </form>
  );
}

/** A weigh session entered by hand: individual weights in kg, as read off the scale. */
export function WeighSessionForm({ batchId, today }: { batchId: string; today: string }) {
  const { t, format } = useI18n();
  const [day, setDay] = useState(today);
  const [weights, setWeights] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [{ fetching }, record] = useMutation(RecordWeighSessionDocument);
  const parsed = weights.trim() ? parseWeights(weights) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (!parsed) return setMessage({ kind: 'error', text: t('weigh.invalid') });
    const result = await record({ batchId, weightsKg: parsed, weighedOn: day });
    if (result.error) return setMessage({ kind: 'error', text: errorMessage(result.error, t) });
    setMessage({ kind: 'ok', text: t('weigh.saved', { count: format.number(parsed.length, 0) }) });
    setWeights('');
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="weigh-form-heading">
      <h2 id="weigh-form-heading">{t('weigh.heading')}</h2>
      <label>
        {t('record.day')}
        <input type="date" value={day} max={today} onChange={(event) => setDay(event.target.value)} required />
      </label>
      <label>
        {t('weigh.weights')}
        <textarea rows={4} inputMode="decimal" value={weights} onChange={(event) => setWeights(event.target.value)} required aria-describedby="weigh-help" />
      </label>
      <p id="weigh-help" className="muted">
        {parsed
          ? t('weigh.count', {
              count: format.number(parsed.length, 0),
              mean: format.quantity(parsed.reduce((sum, value) => sum + value, 0) / parsed.length, 'kg', 3),
            })
          : t('weigh.help')}
      </p>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      <div>
        <button type="submit" className="primary" disabled={fetching}>
          {t('weigh.save')}
        </button>
      </div>
    </form>
  );
}
