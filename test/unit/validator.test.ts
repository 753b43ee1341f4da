import { describe, expect, it } from 'vitest';
import { compileValidator } from '../../surveys/validator.ts';
import { compileModel } from '../../surveys/model.ts';

const definition = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'role', isRequired: true, choices: ['a', 'b'], showOtherItem: true },
        { type: 'checkbox', name: 'supports', choices: [{ value: 'x' }, { value: 'y' }], showNoneItem: true },
        { type: 'rating', name: 'note', rateMin: 1, rateMax: 5 },
        { type: 'multipletext', name: 'counts', items: [{ name: 'ess', inputType: 'number', min: 0 }] },
        {
          type: 'panel', name: 'onlyB', visibleIf: "{role} = 'b'",
          elements: [{ type: 'text', name: 'detail', isRequired: true, maxLength: 10 }],
        },
      ],
    },
    { name: 'p2', visibleIf: '{note} >= 4', elements: [{ type: 'comment', name: 'why', isRequired: true }] },
  ],
};
const v = compileValidator(compileModel(definition).questions);
const questions = (data: object, mode: 'draft' | 'submit' = 'submit') => v.validate(data, mode).map((i) => i.question);

describe('answer validator compiled from a SurveyJS definition', () => {
  it('accepts a complete valid answer set, with the "other" comment', () => {
    expect(v.validate({ role: 'other', 'role-Comment': 'précision', supports: ['x', 'none'], note: 3, counts: { ess: 4 } }, 'submit')).toEqual([]);
  });

  it('requires visible required questions only', () => {
    expect(questions({})).toEqual(['role']);
    expect(questions({ role: 'b' })).toEqual(['detail']); // the panel's condition shows it
    expect(questions({ role: 'a', note: 5 })).toEqual(['why']); // the page's condition shows it
    expect(questions({}, 'draft')).toEqual([]);
  });

  it('rejects answers to questions that conditions hide, on submission', () => {
    expect(questions({ role: 'a', detail: 'x' })).toEqual(['detail']);
    expect(questions({ role: 'a', note: 2, why: 'x' })).toEqual(['why']);
    // A draft may keep them: SurveyJS clears hidden values only when completing.
    expect(questions({ role: 'a', detail: 'x' }, 'draft')).toEqual([]);
  });

  it('rejects values outside the choices, scale or range, and unknown keys', () => {
    expect(questions({ role: 'c' })).toEqual(['role']);
    expect(questions({ role: 'a', supports: ['z'] })).toEqual(['supports']);
    expect(questions({ role: 'a', supports: ['x', 'x'] })).toEqual(['supports']);
    expect(questions({ role: 'a', note: 0 })).toEqual(['note']);
    expect(questions({ role: 'a', note: 2.5 })).toEqual(['note']);
    expect(questions({ role: 'a', counts: { ess: -1 } })).toEqual(['counts']);
    expect(questions({ role: 'a', counts: { autre: 1 } })).toEqual(['counts']);
    expect(questions({ role: 'b', detail: 'beaucoup trop long' })).toEqual(['detail']);
    expect(questions({ role: 'a', inconnue: 1 })).toEqual(['inconnue']);
    expect(questions({ role: 'a', 'note-Comment': 'x' })).toEqual(['note-Comment']);
  });

  it('rejects a non-object answer set', () => {
    expect(v.validate([], 'submit')[0].message).toMatch(/objet/);
    expect(v.validate(null, 'draft')[0].message).toMatch(/objet/);
  });

  it('refuses to compile a question type it cannot check', () => {
    expect(() => compileValidator(compileModel({ elements: [{ type: 'signaturepad', name: 's' }] }).questions)).toThrow(/non pris en charge/);
  });
});
