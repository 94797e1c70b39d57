import { invoiceLineText } from '../dashboard/src/admin/invoiceLineText';
import { en } from '../dashboard/src/i18n/en';
import { createFormatters } from '../dashboard/src/i18n/format';
import { th } from '../dashboard/src/i18n/th';
import { translator } from '../dashboard/src/i18n/translate';

/** The dashboard's invoice lines in the reader's language, from the fields billing stores with each line. */
describe('invoice lines in English and Thai', () => {
  const english = { t: translator(en), format: createFormatters('en-GB') };
  const thai = { t: translator(th), format: createFormatters('th-TH') };
  const say = (reader: typeof english, line: Parameters<typeof invoiceLineText>[0]) => invoiceLineText(line, reader.t, reader.format);

  it('says a whole period with its days, and a credit note crediting it', () => {
    const item = {
      kind: 'PLAN_PERIOD',
      credit: false,
      plan: 'PROFESSIONAL',
      billingCycle: 'MONTHLY',
      from: '2026-11-15T10:23:00.000Z',
      to: '2026-12-15T10:23:00.000Z',
    };
    const line = { description: 'PROFESSIONAL plan, monthly, 2026-11-15 to 2026-12-15', item };
    expect(say(english, line)).toBe('Professional plan, monthly, 15 Nov 2026 to 15 Dec 2026');
    // Thai dates are in the Buddhist era: 2026 is 2569.
    expect(say(thai, line)).toBe('แพ็กเกจ Professional รายเดือน 15 พ.ย. 2569 ถึง 15 ธ.ค. 2569');
    expect(say(english, { description: `Credit: ${line.description}`, item: { ...item, credit: true } })).toBe(
      'Credit: Professional plan, monthly, 15 Nov 2026 to 15 Dec 2026',
    );
  });

  it('says usage over the allowance with its month, and keeps a credit reason in the words it was given', () => {
    const devices = {
      description: "Devices above the plan's allowance on the peak day of 2026-11",
      item: { kind: 'DEVICES_OVER_ALLOWANCE', credit: false, month: '2026-11' },
    };
    expect(say(english, devices)).toBe("Devices above the plan's allowance on the peak day of November 2026");
    expect(say(thai, devices)).toBe('อุปกรณ์ที่เกินโควตาของแพ็กเกจในวันที่ใช้สูงสุดของเดือน พฤศจิกายน 2569');
    const reason = { description: 'Reason: Goodwill, sensor outage', item: { kind: 'CREDIT_REASON', credit: false } };
    expect(say(thai, reason)).toBe('เหตุผล: Goodwill, sensor outage');
  });

  it('shows the issued wording of a line without fields, or of a kind it does not know', () => {
    expect(say(thai, { description: 'STARTER plan, monthly, 2026-10-01 to 2026-11-01', item: null })).toBe('STARTER plan, monthly, 2026-10-01 to 2026-11-01');
    expect(say(thai, { description: 'Something new', item: { kind: 'SOMETHING_NEW', credit: false } })).toBe('Something new');
  });
});
