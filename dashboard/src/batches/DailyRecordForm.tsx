import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';

const RecordMortalityDocument = graphql(`
  mutation RecordMortality($input: RecordMortalityInput!) {
    recordMortality(input: $input) {
      id
    }
  }
`);
const RecordFeedDocument = graphql(`
  mutation RecordFeed($input: RecordFeedInput!) {
    recordFeed(input: $input) {
      id
    }
  }
`);
const RecordWaterDocument = graphql(`
  mutation RecordWater($input: RecordWaterInput!) {
    recordWater(input: $input) {
      id
    }
  }
`);

/**
 * The day's records, built for a phone in the barn: big steppers for deaths and culls, feed and
 * water in their units, one Save for all. Only the fields filled in are recorded.
 *
 * Each record invalidates the cached batch, but the refetch that follows one record may still be
 * in flight when the next is stored, and the client answers the later invalidation with that
 * older response: `onSaved` asks for the batch once more after the last record.
 */
export function DailyRecordForm({ batchId, today, onSaved }: { batchId: string; today: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [day, setDay] = useState(today);
  const [dead, setDead] = useState(0);
  const [culled, setCulled] = useState(0);
  const [feedKg, setFeedKg] = useState('');
  const [waterLitres, setWaterLitres] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [, recordMortality] = useMutation(RecordMortalityDocument);
  const [, recordFeed] = useMutation(RecordFeedDocument);
  const [, recordWater] = useMutation(RecordWaterDocument);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setMessage(null);
    const results = [];
    if (dead > 0) results.push(await recordMortality({ input: { batchId, occurredOn: day, kind: 'DEAD', headCount: dead } }));
    if (culled > 0) results.push(await recordMortality({ input: { batchId, occurredOn: day, kind: 'CULLED', headCount: culled } }));
    if (feedKg !== '') results.push(await recordFeed({ input: { batchId, recordedOn: day, feedKg: Number(feedKg) } }));
    if (waterLitres !== '') results.push(await recordWater({ input: { batchId, recordedOn: day, waterLitres: Number(waterLitres) } }));
    setSaving(false);
    if (results.length > 0) onSaved();
    const failed = results.find((result) => result.error);
    if (failed?.error) return setMessage({ kind: 'error', text: errorMessage(failed.error, t) });
    setMessage({ kind: 'ok', text: t('record.saved') });
    setDead(0);
    setCulled(0);
    setFeedKg('');
    setWaterLitres('');
  }

  const stepper = (label: string, value: number, set: (next: number) => void) => (
    <fieldset className="stepper">
      <legend>{label}</legend>
      <button type="button" onClick={() => set(Math.max(0, value - 1))} aria-label={t('record.less', { what: label })}>
        −
      </button>
      <input
        type="number"
        inputMode="numeric"
        min="0"
        value={value}
        onChange={(event) => set(Math.max(0, Math.floor(Number(event.target.value) || 0)))}
        aria-label={label}
      />
      <button type="button" onClick={() => set(value + 1)} aria-label={t('record.more', { what: label })}>
        +
      </button>
    </fieldset>
  );

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="record-heading">
      <h2 id="record-heading">{t('record.heading')}</h2>
      <label>
        {t('record.day')}
        <input type="date" value={day} max={today} onChange={(event) => setDay(event.target.value)} required />
      </label>
      {stepper(t('record.dead'), dead, setDead)}
      {stepper(t('record.culled'), culled, setCulled)}
      <label>
        {t('record.feed')}
        <input type="number" inputMode="decimal" min="0" step="any" value={feedKg} onChange={(event) => setFeedKg(event.target.value)} />
      </label>
      <label>
        {t('record.water')}
        <input type="number" inputMode="decimal" min="0" step="any" value={waterLitres} onChange={(event) => setWaterLitres(event.target.value)} />
      </label>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      <div>
        <button type="submit" className="primary" disabled={saving}>
          {t('record.save')}
        </button>
      </div>
    </form>
  );
}
