import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';

const SetBillingProfileDocument = graphql(`
  mutation SetBillingProfile($input: SetBillingProfileInput!) {
    setBillingProfile(input: $input) {
      country
      currency
    }
  }
`);

const CURRENCIES = ['USD', 'THB'] as const;

/** The country whose VAT the invoices carry and their currency; the API refuses a country without a VAT rate. */
export function BillingProfileForm({ current, onSaved }: { current: { country: string; currency: string } | null | undefined; onSaved: () => void }) {
  const { t } = useI18n();
  const [country, setCountry] = useState(current?.country ?? 'TH');
  const [currency, setCurrency] = useState(current?.currency ?? 'USD');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [{ fetching }, save] = useMutation(SetBillingProfileDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const result = await save({ input: { country: country.trim().toUpperCase(), currency } });
    if (result.error) return setMessage({ kind: 'error', text: errorMessage(result.error, t) });
    setMessage({ kind: 'ok', text: t('billing.profileSaved') });
    onSaved();
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="billing-profile-heading">
      <h2 id="billing-profile-heading">{t('billing.profileHeading')}</h2>
      <div className="row">
        <label>
          {t('billing.country')}
          <input
            value={country}
            maxLength={2}
            minLength={2}
            size={4}
            autoCapitalize="characters"
            onChange={(event) => setCountry(event.target.value)}
            required
          />
        </label>
        <label>
          {t('billing.currency')}
          <select value={currency} onChange={(event) => setCurrency(event.target.value)}>
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={fetching}>
          {t('common.save')}
        </button>
      </div>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </form>
  );
}
