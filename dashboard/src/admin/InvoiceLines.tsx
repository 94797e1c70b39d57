import { useI18n } from '../i18n/I18n';
import { TableScroll } from '../layout/TableScroll';
import { invoiceLineText, type LineItem } from './invoiceLineText';

interface Money {
  amountMinor: number;
  currency: string;
}
export interface InvoiceFigures {
  lines: ReadonlyArray<{ position: number; description: string; quantity: number; amount: Money; item?: LineItem | null }>;
  subtotal: Money;
  vatRateBasisPoints: number;
  vat: Money;
  total: Money;
}

/** An invoice's or a preview's lines with subtotal, VAT at its rate, and total, as one table. */
export function InvoiceLines({ figures, caption }: { figures: InvoiceFigures; caption: string }) {
  const { t, format } = useI18n();
  const money = (value: Money) => format.money(value.amountMinor, value.currency);
  return (
    <TableScroll label={caption}>
      <table className="invoice-lines">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('invoice.description')}</th>
            <th scope="col" className="number">
              {t('invoice.quantity')}
            </th>
            <th scope="col" className="number">
              {t('invoice.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.lines.map((line) => (
            <tr key={line.position}>
              <td>{invoiceLineText(line, t, format)}</td>
              <td className="number">{format.number(line.quantity, 0)}</td>
              <td className="number">{money(line.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('invoice.subtotal')}
            </th>
            <td className="number" data-figure="subtotal">
              {money(figures.subtotal)}
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              {t('invoice.vat', { rate: format.number(figures.vatRateBasisPoints / 100, 2) })}
            </th>
            <td className="number" data-figure="vat">
              {money(figures.vat)}
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              {t('invoice.total')}
            </th>
            <td className="number total" data-figure="total">
              {money(figures.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
