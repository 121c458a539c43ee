/** For file names: lower case, runs of anything but [a-z0-9_] become one '-': "NVIDIA H100 80GB HBM3" -> "nvidia-h100-80gb-hbm3". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
