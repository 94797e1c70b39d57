import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18n';
import { RANGE_KEYS, type RangeKey } from './ranges';

interface RangePickerProps {
  range: RangeKey;
  hasBatch: boolean;
  search: URLSearchParams;
  onChange: (range: RangeKey, custom?: { from: string; to: string }) => void;
}

/** The history window: rolling ranges, the batch's lifetime, or custom times on the farm's clock. */
export function RangePicker({ range, hasBatch, search, onChange }: RangePickerProps) {
  const { t } = useI18n();
  const [from, setFrom] = useState(search.get('from') ?? '');
  const [to, setTo] = useState(search.get('to') ?? '');
  const [customOpen, setCustomOpen] = useState(range === 'custom');

  function applyCustom(event: FormEvent) {
    event.preventDefault();
    onChange('custom', { from, to });
  }

  return (
    <div className="stack">
      <div className="segmented" role="group" aria-label={t('range.label')}>
        {RANGE_KEYS.filter((key) => key !== 'custom' && (key !== 'batch' || hasBatch)).map((key) => (
          <button
            key={key}
            type="button"
            aria-pressed={range === key}
            onClick={() => {
              setCustomOpen(false);
              onChange(key);
            }}
          >
            {t(`range.${key}`)}
          </button>
        ))}
        <button type="button" aria-pressed={range === 'custom'} aria-expanded={customOpen} onClick={() => setCustomOpen((open) => !open)}>
          {t('range.custom')}
        </button>
      </div>
      {customOpen && (
        <form className="row" onSubmit={applyCustom}>
          <label>
            {t('range.from')}
            <input type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} required />
          </label>
          <label>
            {t('range.to')}
            <input type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} required />
          </label>
          <button type="submit">{t('range.apply')}</button>
        </form>
      )}
    </div>
  );
}
