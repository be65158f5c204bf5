import { describe, expect, it } from 'vitest';
import { ConsoleAgent } from '../../../src/run/agent-drivers.js';

describe('ConsoleAgent', () => {
  it('answers a guest that waits on its console: go at the test start, ack at a synced marker', () => {
    const said: string[] = [];
    const agent = new ConsoleAgent({ syncTestStart: true, syncMarkers: ['warm'] }, (line) => said.push(line));
    agent.release({ kind: 'marker', name: 'warm' });
    agent.release({ kind: 'marker', name: 'other' });
    agent.release({ kind: 'start' });
    agent.stop(new Error('done'));
    expect(said).toEqual(['ack warm', 'go']);
  });

  it('says nothing to a guest that does not wait', () => {
    const said: string[] = [];
    const agent = new ConsoleAgent({ syncTestStart: false, syncMarkers: [] }, (line) => said.push(line));
    agent.release({ kind: 'start' });
    agent.release({ kind: 'marker', name: 'warm' });
    expect(said).toEqual([]);
  });
});
