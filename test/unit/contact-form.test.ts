import { expect, fixture, html } from '@open-wc/testing';
import { setLocale } from '../../src/app/i18n/i18n.js';
import { emptyContact, type Contact } from '../../src/domain/contact.js';
import {
  blankContact,
  type TocsinContactForm,
} from '../../src/features/directory/tocsin-contact-form.js';
import '../../src/features/directory/tocsin-contact-form.js';

async function mountForm(contact: Contact = blankContact()) {
  const form = await fixture<TocsinContactForm>(
    html`<tocsin-contact-form .contact=${contact}></tocsin-contact-form>`,
  );
  const saved: Contact[] = [];
  form.addEventListener('save-contact', (event) => saved.push((event as CustomEvent).detail));
  return { form, saved };
}

function field<T extends HTMLElement = HTMLInputElement>(form: TocsinContactForm, id: string): T {
  const element = form.shadowRoot!.querySelector<T>(`#${id}`);
  if (!element) throw new Error(`no field #${id}`);
  return element;
}

async function type(form: TocsinContactForm, id: string, value: string): Promise<void> {
  const input = field(form, id);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
  await form.updateComplete;
}

async function save(form: TocsinContactForm): Promise<void> {
  form.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await form.updateComplete;
  // The focus moves to the first wrong field after the next render.
  await new Promise((resolve) => setTimeout(resolve));
}

/** The message an invalid field points to with aria-describedby. */
function describedError(form: TocsinContactForm, id: string): string {
  const input = field(form, id);
  expect(input.getAttribute('aria-invalid'), `#${id} aria-invalid`).to.equal('true');
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  const errors = ids
    .map((describedBy) => form.shadowRoot!.getElementById(describedBy))
    .filter((element) => element?.classList.contains('error'));
  expect(errors, `#${id} error`).to.have.length(1);
  return errors[0]!.textContent!.trim();
}

describe('contact form: phone numbers and bounds', () => {
  afterEach(() => setLocale('en'));

  it('refuses to save a number that is not valid, saying so next to the field', async () => {
    const { form, saved } = await mountForm();
    await type(form, 'givenName', 'Mallory');
    await type(form, 'number-0', 'javascript:alert(1)');
    // Said as soon as the field is left…
    expect(describedError(form, 'number-0')).to.contain('only digits');
    await save(form);
    // …and nothing is saved.
    expect(saved).to.deep.equal([]);
    expect(form.shadowRoot!.activeElement?.id).to.equal('number-0');

    await type(form, 'number-0', '1');
    await save(form);
    expect(saved).to.deep.equal([]);
    expect(describedError(form, 'number-0')).to.contain('not a valid number');

    setLocale('fr');
    await form.updateComplete;
    await save(form);
    expect(describedError(form, 'number-0')).to.contain('n’est pas valide');
  });

  it('saves valid numbers in E.164, French and international', async () => {
    const { form, saved } = await mountForm();
    await type(form, 'givenName', 'Anne');
    await type(form, 'number-0', '06 12 34 56 78');
    const add = [...form.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find(
      (button) => button.textContent!.trim() === 'Add a number',
    )!;
    add.click();
    await form.updateComplete;
    await type(form, 'number-1', '0044 20 7946 0958');
    add.click();
    await form.updateComplete;
    await type(form, 'kind-2', 'radio');
    await type(form, 'number-2', 'Canal 3');
    expect(field(form, 'number-0').getAttribute('aria-invalid')).to.equal('false');
    await save(form);
    expect(saved).to.have.length(1);
    expect(saved[0].phones).to.deep.equal([
      { kind: 'mobile', number: '+33612345678' },
      { kind: 'mobile', number: '+442079460958' },
      { kind: 'radio', number: 'Canal 3' },
    ]);
  });

  it('shows a stored E.164 number the way people write it', async () => {
    const { form, saved } = await mountForm(
      emptyContact({
        displayName: 'Anne',
        phones: [
          { kind: 'mobile', number: '+33612345678' },
          { kind: 'work', number: '+442079460958' },
        ],
      }),
    );
    expect(field(form, 'number-0').value).to.equal('06 12 34 56 78');
    expect(field(form, 'number-1').value).to.equal('+44 20 7946 0958');
    await save(form);
    expect(saved[0].phones.map((phone) => phone.number)).to.deep.equal([
      '+33612345678',
      '+442079460958',
    ]);
  });

  it('bounds every field, and refuses an over-long value kept from before', async () => {
    const { form, saved } = await mountForm(
      emptyContact({ displayName: 'N'.repeat(250), notes: 'ok' }),
    );
    expect(field(form, 'displayName').maxLength).to.equal(200);
    expect(field(form, 'givenName').maxLength).to.equal(200);
    expect(field(form, 'number-0').maxLength).to.equal(40);
    expect(field<HTMLTextAreaElement>(form, 'notes').maxLength).to.equal(4000);
    await save(form);
    expect(saved).to.deep.equal([]);
    expect(describedError(form, 'displayName')).to.equal('Name shown: at most 200 characters.');

    await type(form, 'displayName', 'Anne');
    await type(form, 'emails', `${'m'.repeat(250)}@example.org`);
    await save(form);
    expect(saved).to.deep.equal([]);
    expect(describedError(form, 'emails')).to.equal('Email addresses: at most 254 characters.');

    setLocale('fr');
    await form.updateComplete;
    expect(describedError(form, 'emails')).to.equal(
      'Adresses électroniques : 254 caractères au plus.',
    );
    setLocale('en');
    await type(form, 'emails', 'anne@example.org');
    await save(form);
    expect(saved).to.have.length(1);
    expect(saved[0]).to.deep.include({ displayName: 'Anne', emails: ['anne@example.org'] });
  });
});
