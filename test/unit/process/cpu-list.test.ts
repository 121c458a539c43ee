// CPU lists (perf/lib/process/cpu-list.ts): Linux's "0-3,8" both ways, and the taskset command
// a pinned child is started with.

import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { formatCpuList, parseCpuList, pinnedCommand } from '../../../perf/lib/process/cpu-list.ts';

describe('parseCpuList and formatCpuList', () => {
  it('reads ranges and single CPUs, sorted and distinct', () => {
    expect(parseCpuList('0-3,8')).toEqual([0, 1, 2, 3, 8]);
    expect(parseCpuList(' 8,2-3, 2 \n')).toEqual([2, 3, 8]);
    expect(parseCpuList('5')).toEqual([5]);
  });

  it('rejects what is not a list', () => {
    for (const raw of ['', ' ', 'a', '3-1', '0-', '-2', '1,,2', '0x2', '1.5']) expect(parseCpuList(raw), raw).toBeUndefined();
  });

  it('writes runs as ranges', () => {
    expect(formatCpuList([8, 0, 1, 2, 3])).toBe('0-3,8');
    expect(formatCpuList([1, 3, 5])).toBe('1,3,5');
    expect(formatCpuList([4, 5])).toBe('4-5');
    expect(formatCpuList([])).toBe('');
  });
});

describe('pinnedCommand', () => {
  it('leaves the command alone without CPUs', () => {
    expect(pinnedCommand('/w', ['--role', 'hp'], { PATH: '/bin', LD_PRELOAD: '/p.so' }, null)).toEqual({ file: '/w', args: ['--role', 'hp'], env: { PATH: '/bin', LD_PRELOAD: '/p.so' } });
    expect(pinnedCommand('/w', [], {}, [])).toEqual({ file: '/w', args: [], env: {} });
  });

  it('starts the child through taskset on the CPUs', () => {
    expect(pinnedCommand('/w', ['--role', 'hp'], { PATH: '/bin' }, [0, 1, 2, 3])).toEqual({ file: 'taskset', args: ['--cpu-list', '0-3', '/w', '--role', 'hp'], env: { PATH: '/bin' } });
  });

  it('hands LD_PRELOAD to the child through env(1), so taskset does not load it', () => {
    expect(pinnedCommand('/x', ['HPF', '50000'], { PATH: '/bin', LD_PRELOAD: '/shim.so' }, [2])).toEqual({
      file: 'taskset',
      args: ['--cpu-list', '2', 'env', 'LD_PRELOAD=/shim.so', '/x', 'HPF', '50000'],
      env: { PATH: '/bin' },
    });
  });

  it('runs a real child on the CPU, with LD_PRELOAD loaded by the child alone', async () => {
    // sh builtins only: each process that loads the missing preload prints one ld.so line.
    const script = 'while read -r line; do case $line in Cpus_allowed_list*) echo "$line";; esac; done < /proc/self/status; echo "preload=$LD_PRELOAD"';
    const command = pinnedCommand('sh', ['-c', script], { PATH: process.env.PATH ?? '', LD_PRELOAD: 'xsp-missing-preload.so' }, [0]);
    const result = await execa(command.file, command.args, { env: command.env, extendEnv: false, reject: false });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout.split('\n')).toEqual(['Cpus_allowed_list:\t0', 'preload=xsp-missing-preload.so']);
    expect(result.stderr.match(/xsp-missing-preload\.so/g)).toHaveLength(1);
  });
});
