import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';

const SetVatRateDocument = graphql(`
  mutation SetVatRate($input: SetVatRateInput!) {
    setVatRate(input: $input) {
      country
      rateBasisPoints
      effectiveFrom
    }
  }
`);
const SetExchangeRateDocument = graphql(`
  mutation SetExchangeRate($input: SetExchangeRateInput!) {
    setExchangeRate(input: $input) {
      baseCurrency
      quoteCurrency
      rate
      asOf
    }
  }
`);

const today = () => new Date().toISOString().slice(0, 10);

/** The rates billing uses: a country's VAT from a date on, and exchange rates for showing totals in another currency. */
export function RatesPage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="rates-heading" className="stack">
      <h1 id="rates-heading">{t('rates.heading')}</h1>
      <VatRateForm />
      <ExchangeRateForm />
    </section>
  );
}

function VatRateForm() {
  const { t, format } = useI18n();
  const [country, setCountry] = useState('TH');
  const [percent, setPercent] = useState('7');
  const [from, setFrom] = useState(today);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [{ fetching }, save] = useMutation(SetVatRateDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    // Percent as typed (7.5) to basis points (750), exactly: no float drift past two decimals.
    const basisPoints = Math.round(Number(percent) * 100);
    const result = await save({ input: { country: country.trim().toUpperCase(), rateBasisPoints: basisPoints, effectiveFrom: from } });
    if (result.error || !result.data) return setMessage({ kind: 'error', text: result.error ? errorMessage(result.error, t) : t('error.generic') });
    const saved = result.data.setVatRate;
    setMessage({
      kind: 'ok',
      text: t('rates.vatSaved', { country: saved.country, rate: format.number(saved.rateBasisPoints / 100, 2), from: format.date(saved.effectiveFrom) }),
    });
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="vat-heading">
      <h2 id="vat-heading">{t('rates.vatHeading')}</h2>
      <div className="row">
        <label>
          {t('billing.country')}
          <input value={country} minLength={2} maxLength={2} size={4} onChange={(event) => setCountry(event.target.value)} required />
        </label>
        <label>
          {t('rates.vatPercent')}
          <input
            type="number"
            inputMode="decimal"
            min="0"
            max="100"
            step="0.01"
            value={percent}
            onChange={(event) => setPercent(event.target.value)}
            required
          />
        </label>
        <label>
          {t('rates.effectiveFrom')}
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} required />
        </label>
        <button type="submit" className="primary" disabled={fetching}>
          {t('common.save')}
        </button>
      </div>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </form>
  );
}

function ExchangeRateForm() {
  const { t, format } = useI18n();
  const [base, setBase] = useState('USD');
  const [quote, setQuote] = useState('THB');
  const [rate, setRate] = useState('');
  const [asOf, setAsOf] = useState(today);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [{ fetching }, save] = useMutation(SetExchangeRateDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const result = await save({ input: { baseCurrency: base.trim().toUpperCase(), quoteCurrency: quote.trim().toUpperCase(), rate: rate.trim(), asOf } });
    if (result.error || !result.data) return setMessage({ kind: 'error', text: result.error ? errorMessage(result.error, t) : t('error.generic') });
    const saved = result.data.setExchangeRate;
    setMessage({
      kind: 'ok',
      text: t('rates.exchangeSaved', { base: saved.baseCurrency, quote: saved.quoteCurrency, rate: saved.rate, asOf: format.date(saved.asOf) }),
    });
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="exchange-heading">
      <h2 id="exchange-heading">{t('rates.exchangeHeading')}</h2>
      <div className="row">
        <label>
          {t('rates.base')}
          <input value={base} minLength={3} maxLength={3} size={5} onChange={(event) => setBase(event.target.value)} required />
        </label>
        <label>
          {t('rates.quote')}
          <input value={quote} minLength={3} maxLength={3} size={5} onChange={(event) => setQuote(event.target.value)} required />
        </label>
        <label>
          {t('rates.rate')}
          <input inputMode="decimal" value={rate} onChange={(event) => setRate(event.target.value)} required />
        </label>
        <label>
          {t('rates.asOf')}
          <input type="date" value={asOf} onChange={(event) => setAsOf(event.target.value)} required />
        </label>
        <button type="submit" className="primary" disabled={fetching}>
          {t('common.save')}
        </button>
      </div>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </form>
  );
}
