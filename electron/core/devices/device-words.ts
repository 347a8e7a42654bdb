// What the Devices screen and the notices say about a device. One sentence about the bench each,
// with what to do; the errno or library message goes in brackets for whoever fixes it.

export function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

function reason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.length > 160 ? `${message.slice(0, 160)}…` : message;
}

const PERMISSIONS: Record<NodeJS.Platform | string, string> = {
  linux: 'install the Packbench udev rules (resources/linux/README.md), then unplug it and plug it back in',
  darwin: 'allow Packbench under System Settings → Privacy & Security → Input Monitoring, then restart Packbench',
  win32: 'close any other program that uses it (the scanner or scale utility), then plug it back in',
};

export function permissionHint(platform: string = process.platform): string {
  return PERMISSIONS[platform] ?? 'check that this user may open the device, then plug it back in';
}

/** Why a device could not be opened, for a person. */
export function openFailureWords(kind: string, e: unknown, platform: string = process.platform): string {
  const code = errorCode(e);
  const text = e instanceof Error ? e.message : String(e);
  if (code === 'EACCES' || code === 'EPERM' || /permission|access denied|not permitted|LIBUSB_ERROR_ACCESS/i.test(text)) {
    return `Packbench may not open this ${kind}: ${permissionHint(platform)}.`;
  }
  if (code === 'EBUSY' || /busy|LIBUSB_ERROR_BUSY/i.test(text)) {
    return `This ${kind} is in use by another program: close that program (or the other Packbench window), then plug it back in.`;
  }
  if (code === 'ENOENT' || /no such file|cannot open|could not open/i.test(text)) {
    return `This ${kind} is not there any more: check its cable, then plug it back in.`;
  }
  return `This ${kind} could not be opened (${reason(e)}): unplug it, wait five seconds and plug it back in.`;
}

export function serialOpenFailureWords(path: string, e: unknown): string {
  const code = errorCode(e);
  const text = e instanceof Error ? e.message : String(e);
  if (code === 'ENOENT' || /no such file|cannot find|File not found/i.test(text)) {
    return `There is no serial port ${path} right now: plug the scanner in, or check the port name on the Devices screen.`;
  }
  if (code === 'EACCES' || code === 'EPERM' || /permission|access denied/i.test(text)) {
    return process.platform === 'linux'
      ? `Packbench may not open ${path}: add this user to the "dialout" group (or install the udev rules in resources/linux), log out and in, then plug the scanner back in.`
      : `Packbench may not open ${path}: close any other program using that port, then plug the scanner back in.`;
  }
  if (code === 'EBUSY' || /busy|resource temporarily unavailable|lock/i.test(text)) {
    return `Serial port ${path} is in use by another program: close it, then plug the scanner back in.`;
  }
  return `Serial port ${path} could not be opened (${reason(e)}): unplug the scanner and plug it back in.`;
}

export const READY_WORDS = {
  scanner: 'Ready: its scans go straight to the screen, without using the keyboard.',
  scale: 'Ready: its weight shows on the pack screen.',
  printer: 'Ready to print labels.',
} as const;

export function unpluggedWords(kind: string): string {
  return `Unplugged. Plug it back in: Packbench picks the ${kind} up again by itself within a few seconds.`;
}
