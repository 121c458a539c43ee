// Is a GPU visible to this user? Device nodes by vendor, with the permission and group
// fixes an AMD runner needs most often (docs/self-hosted-runner.md).

import type { DoctorFinding } from './finding.ts';
import { mustFix, ok, warn } from './finding.ts';
import type { HostView } from './host-view.ts';

export type Vendor = 'amd' | 'nvidia';

export async function detectVendor(host: HostView): Promise<Vendor | null> {
  if (await host.exists('/dev/kfd')) return 'amd';
  if (await host.exists('/dev/nvidiactl')) return 'nvidia';
  return null;
}

export async function checkDeviceAccess(host: HostView, vendor: Vendor | null): Promise<DoctorFinding[]> {
  if (vendor === null) {
    return [mustFix('gpu.device-nodes', 'no GPU device node: looked for /dev/kfd (AMD) and /dev/nvidiactl (NVIDIA)',
      'install the GPU driver; in a container pass the devices (AMD: --device /dev/kfd --device /dev/dri; NVIDIA: --gpus all)')];
  }
  return vendor === 'amd' ? checkAmd(host) : checkNvidia(host);
}

async function checkAmd(host: HostView): Promise<DoctorFinding[]> {
  const findings: DoctorFinding[] = [];
  const groups = await host.groupNames();
  const groupFix = groups.includes('render')
    ? 'check the mode of the device node (ls -l); it should be group render, mode 0660'
    : 'add the runner user to the render and video groups (sudo usermod -aG render,video $USER, then log in again) or run the container with --group-add render --group-add video';
  findings.push(await host.canReadWrite('/dev/kfd')
    ? ok('amd.kfd-access', '/dev/kfd is readable and writable')
    : mustFix('amd.kfd-access', `/dev/kfd is not readable and writable by this user (groups: ${groups.join(', ') || 'none'})`, groupFix));
  const renderNodes = (await host.list('/dev/dri')).filter((name) => name.startsWith('renderD')).sort();
  if (renderNodes.length === 0) {
    findings.push(mustFix('amd.render-nodes', 'no /dev/dri/renderD* node', 'pass /dev/dri into the container (--device /dev/dri) or load the amdgpu driver'));
  } else {
    const usable: string[] = [];
    for (const name of renderNodes) if (await host.canReadWrite(`/dev/dri/${name}`)) usable.push(name);
    findings.push(usable.length === renderNodes.length
      ? ok('amd.render-nodes', `render nodes usable: ${usable.join(', ')}`)
      : mustFix('amd.render-nodes', `render nodes not usable by this user: ${renderNodes.filter((n) => !usable.includes(n)).join(', ')}`, groupFix));
  }
  if (!groups.includes('render') && !groups.includes('video')) {
    findings.push(warn('amd.groups', `this user is in neither the render nor the video group (groups: ${groups.join(', ') || 'none'})`,
      'add it to both, so access does not depend on the device nodes\' current modes'));
  }
  return findings;
}

async function checkNvidia(host: HostView): Promise<DoctorFinding[]> {
  const nodes = (await host.list('/dev')).filter((name) => /^nvidia\d+$/.test(name)).sort();
  const paths = ['/dev/nvidiactl', ...nodes.map((n) => `/dev/${n}`)];
  const denied: string[] = [];
  for (const path of paths) if (!(await host.canReadWrite(path))) denied.push(path);
  if (nodes.length === 0) {
    return [mustFix('nvidia.device-nodes', '/dev/nvidiactl exists but no /dev/nvidia<N>', 'in a container pass the GPUs (--gpus all); on the host load the driver (nvidia-smi should list the GPU)')];
  }
  return [denied.length === 0
    ? ok('nvidia.device-nodes', `usable: ${paths.join(', ')}`)
    : mustFix('nvidia.device-nodes', `not readable and writable by this user: ${denied.join(', ')}`, 'give the runner user access to the NVIDIA device nodes (usually mode 0666 from the driver; check ls -l /dev/nvidia*)')];
}
