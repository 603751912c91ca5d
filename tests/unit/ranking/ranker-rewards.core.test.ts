import { decideRewards } from '../../../src/ranking/ranker-rewards.core';

describe('reward decision and fallback', () => {
  it('no model (or a failed prediction) falls back to the rules for every candidate', () => {
    expect(decideRewards({ ok: false, reason: 'no active model' }, 0.6)).toEqual({
      path: 'RULES',
      rewards: null,
      fallbackRate: 1,
      reason: 'no active model',
    });
  });

  it('candidates below the confidence threshold get no learned reward; the rest get 2p − 1', () => {
    const d = decideRewards(
      { ok: true, keys: ['a', 'b', 'c', 'd'], probabilities: [0.9, 0.55, 0.1, 0.45] },
      0.6,
      10,
    );
    expect(d.path).toBe('MODEL');
    expect(d.fallbackRate).toBe(0.5);
    expect(d.rewards!.scale).toBe(10);
    expect(d.rewards!.values.a).toBeCloseTo(0.8, 12);
    expect(d.rewards!.values.c).toBeCloseTo(-0.8, 12);
    expect(Object.keys(d.rewards!.values).sort()).toEqual(['a', 'c']);
  });

  it('all candidates below the threshold, NaN probabilities or mismatched lengths: the rules path', () => {
    expect(decideRewards({ ok: true, keys: ['a'], probabilities: [0.5] }, 0.7)).toMatchObject({
      path: 'RULES',
      fallbackRate: 1,
    });
    expect(decideRewards({ ok: true, keys: ['a'], probabilities: [Number.NaN] }, 0.6).path).toBe('RULES');
    expect(decideRewards({ ok: true, keys: ['a', 'b'], probabilities: [0.9] }, 0.6).reason).toBe(
      'the prediction did not match the candidates',
    );
  });

  it('refuses a threshold outside [0.5, 1]', () => {
    expect(() => decideRewards({ ok: false, reason: 'x' }, 0.2)).toThrow(
      'threshold must be in [0.5, 1], got 0.2',
    );
  });
});
