import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { cssomStyle, type CssDeclarations } from '../../src/ui/cssom-style.js';

describe('cssomStyle', () => {
  const view = (declarations: CssDeclarations) => html`<p style=${cssomStyle(declarations)}></p>`;

  it('sets every declaration from the first render, and removes those a later render drops', () => {
    const host = document.createElement('div');
    render(view({ height: '72px', 'box-sizing': 'border-box' }), host);
    const paragraph = host.querySelector('p')!;
    expect(paragraph.style.height).to.equal('72px');
    expect(paragraph.style.boxSizing).to.equal('border-box');

    render(view({ height: '40px' }), host);
    expect(paragraph.style.height).to.equal('40px');
    expect(paragraph.style.boxSizing).to.equal('');
  });

  it('refuses any place but the whole value of a style attribute', () => {
    const host = document.createElement('div');
    expect(() => render(html`<p title=${cssomStyle({ height: '1px' })}></p>`, host)).to.throw(
      /style attribute/,
    );
  });
});
