import { fitModel } from '../../../src/forecasting/models/forecaster-registry';
import { refitOptions } from '../../../src/forecasting/model-refit-options';
import { searchedStructure } from '../../../src/forecasting/searched-structure';
import { parseEtsCode } from '../../../src/forecasting/models/ets';
import { trainingKinds } from '../../../src/forecasting/model-training-options';
import { R_ETS } from './ets-reference.fixture';

const a10 = { values: R_ETS.a10!.values, periods: [12] };

describe('the ETS kind', () => {
  it("stores R's model name and code, and a refit keeps the model without searching", () => {
    const model = fitModel('ETS', a10);
    expect(model.params.details).toMatchObject({ model: 'ETS(M,A,M)', code: 'MAM' });
    expect(model.params.periods).toEqual([12]);
    const options = refitOptions(model.params);
    expect(options.ets).toEqual({ model: 'MAM' });
    expect(searchedStructure(model.params)).toEqual({ ets: { model: 'MAM' } });
    // on other data (the first 12 years) the stored model is refitted, not re-chosen
    const shorter = { values: a10.values.slice(0, 144), periods: [12] };
    expect(fitModel('ETS', shorter, options).params.details).toMatchObject({ code: 'MAM' });
  });

  it('compares only additive models on Box-Cox transformed values, as R', () => {
    const model = fitModel('ETS', a10, { boxCox: 'auto' });
    expect(model.params.boxCoxLambda).toBeCloseTo(0.1686, 3);
    expect(model.params.details.code).toMatch(/^A(N|A|Ad)[NA]$/);
  });

  it('refuses a season longer than 24 steps, and a malformed model code', () => {
    const hourly = {
      values: Array.from({ length: 24 * 7 * 4 }, (_, i) => 10 + (i % 24)),
      periods: [24, 168],
    };
    expect(() => fitModel('ETS', hourly)).toThrow(/at most 24 steps .* 168-step season: use MSTL/);
    expect(() => parseEtsCode('MMM')).toThrow(/ets.model must be a code like ANN, AAdA or MAM, got "MMM"/);
  });

  it("is trained when asked for, not among AUTO's or ENSEMBLE's backtested kinds", () => {
    expect(trainingKinds('ETS', 1)).toEqual(['ETS']);
    expect(trainingKinds('AUTO', 1)).not.toContain('ETS');
    expect(trainingKinds('ENSEMBLE', 1)).not.toContain('ETS');
    expect(trainingKinds('AUTO', 1)).toContain('THETA');
  });
});
