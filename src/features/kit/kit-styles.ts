// The look every enrollment step shares, whether the page or <tocsin-kit-confirmation> draws it.
import { css } from 'lit';

/** Step actions and step headings, after the shared dialog styles they adjust. */
export const enrollStepStyles = css`
  .actions {
    justify-content: flex-start;
  }

  /* Step headings take focus only so that screen readers announce the new step; they are not
     controls, and a focus ring around them would read as one. */
  h2:focus,
  [tabindex='-1']:focus {
    outline: none;
  }
`;
