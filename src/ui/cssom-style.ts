import { noChange, type AttributePart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/** CSS declarations by property name, as written in CSS (`box-sizing`, not `boxSizing`). */
export type CssDeclarations = Readonly<Record<string, string>>;

/**
 * Sets an element's inline styles through the CSSOM (`element.style`) on every render, first
 * included. Lit's styleMap writes its first render as a `style` attribute, which Tocsin's Content
 * Security Policy refuses (`style-src 'self'`, no 'unsafe-inline'): the styles were silently
 * dropped. The CSP does not govern the CSSOM.
 */
class CssomStyleDirective extends Directive {
  private applied = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (
      part.type !== PartType.ATTRIBUTE ||
      part.name !== 'style' ||
      (part.strings?.length ?? 0) > 2
    ) {
      throw new Error('cssomStyle() must be the whole value of a style attribute');
    }
  }

  render(_declarations: CssDeclarations): unknown {
    return noChange;
  }

  override update(part: AttributePart, [declarations]: [CssDeclarations]): unknown {
    const { style } = part.element as HTMLElement;
    for (const name of this.applied) {
      if (!(name in declarations)) style.removeProperty(name);
    }
    for (const [name, value] of Object.entries(declarations)) style.setProperty(name, value);
    this.applied = new Set(Object.keys(declarations));
    return noChange;
  }
}

/** `style=${cssomStyle({ height: '72px' })}`: inline styles the Content Security Policy allows. */
export const cssomStyle = directive(CssomStyleDirective);
