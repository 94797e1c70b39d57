import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import type { Species } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';
import { farmLocalDate } from '../lib/farmDate';
import { useFarm } from '../session/Viewer';
import { parseTargetCurve } from './targetCurve';

const PlaceBatchBarnsDocument = graphql(`
  query PlaceBatchBarns($farmId: ID!) {
    farm(id: $farmId) {
      id
      barns {
        id
        name
        species
        capacityHead
      }
    }
  }
`);
const PlaceBatchDocument = graphql(`
  mutation PlaceBatch($input: PlaceBatchInput!) {
    placeBatch(input: $input) {
      id
    }
  }
`);
const SetTargetCurveDocument = graphql(`
  mutation SetTargetCurve($input: SetTargetCurveInput!) {
    setTargetCurve(input: $input) {
      breed
      points {
        dayOfAge
        weightKg
      }
    }
  }
`);

/**
 * Places a batch in a barn: species from the barn, placement day on the farm's calendar, head
 * count and weight; optionally the breed's target curve (day of age and kg per line), which the
 * batch's growth chart and target KPIs then use.
 */
export function PlaceBatchPage() {
  const { farmId = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const farm = useFarm(farmId);
  const today = farm ? farmLocalDate(farm.timeZone) : '';
  const [{ data, error }] = useQuery({ query: PlaceBatchBarnsDocument, variables: { farmId } });
  const [barnId, setBarnId] = useState('');
  const [breed, setBreed] = useState('');
  const [placedOn, setPlacedOn] = useState(today);
  const [headCount, setHeadCount] = useState('');
  const [weightKg, setWeightKg] = useState('');
  const [curve, setCurve] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [placing, placeBatch] = useMutation(PlaceBatchDocument);
  const [, setTargetCurve] = useMutation(SetTargetCurveDocument);

  if (error) return <p role="alert">{errorMessage(error, t)}</p>;
  const barns = data?.farm?.barns ?? [];
  const barn = barns.find((candidate) => candidate.id === barnId) ?? barns[0];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (!barn) return;
    const species: Species = barn.species;
    const points = curve.trim() ? parseTargetCurve(curve) : [];
    if (points === null) return setMessage(t('placeBatch.curveInvalid'));
    if (points.length > 0 && !breed.trim()) return setMessage(t('placeBatch.curveNeedsBreed'));
    if (points.length > 0) {
      const set = await setTargetCurve({ input: { species, breed: breed.trim(), points } });
      if (set.error) return setMessage(errorMessage(set.error, t));
    }
    const placed = await placeBatch({
      input: {
        farmId,
        barnId: barn.id,
        species,
        breed: breed.trim() || null,
        placedOn: placedOn || today,
        headCountPlaced: Number(headCount),
        placementWeightKg: Number(weightKg),
      },
    });
    if (placed.error || !placed.data) return setMessage(placed.error ? errorMessage(placed.error, t) : t('error.generic'));
    navigate(`/farms/${farmId}/batches/${placed.data.placeBatch.id}`);
  }

  return (
    <section aria-labelledby="place-heading" className="stack">
      <h1 id="place-heading">{t('placeBatch.heading')}</h1>
      {data && barns.length === 0 && <p>{t('farm.noBarns')}</p>}
      {barn && (
        <form className="card stack" onSubmit={submit} aria-labelledby="place-heading">
          <label>
            {t('devices.barn')}
            <select value={barn.id} onChange={(event) => setBarnId(event.target.value)}>
              {barns.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name} ({t(`species.${candidate.species}`)})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('placeBatch.breed')}
            <input value={breed} maxLength={80} onChange={(event) => setBreed(event.target.value)} />
          </label>
          <label>
            {t('placeBatch.placedOn')}
            <input type="date" value={placedOn || today} onChange={(event) => setPlacedOn(event.target.value)} required />
          </label>
          <label>
            {t('placeBatch.headCount')}
            <input
              type="number"
              inputMode="numeric"
              min="1"
              max={barn.capacityHead}
              step="1"
              value={headCount}
              onChange={(event) => setHeadCount(event.target.value)}
              required
            />
          </label>
          <label>
            {t('placeBatch.weight')}
            <input type="number" inputMode="decimal" min="0.001" step="any" value={weightKg} onChange={(event) => setWeightKg(event.target.value)} required />
          </label>
          <label>
            {t('placeBatch.curve')}
            <textarea
              rows={4}
              value={curve}
              onChange={(event) => setCurve(event.target.value)}
              placeholder="0 0.042&#10;7 0.19&#10;14 0.48"
              aria-describedby="curve-help"
            />
          </label>
          <p id="curve-help" className="muted">
            {t('placeBatch.curveHelp')}
          </p>
          {message && <p role="alert">{message}</p>}
          <div>
            <button type="submit" className="primary" disabled={placing.fetching}>
              {t('placeBatch.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
