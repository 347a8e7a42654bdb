import { useApiEvent } from '../../hooks/use-api-event';
import { useAppStore } from '../../stores/app-store';

/** A device plugged in, unplugged or failing is said on whatever screen the packer is on. */
export function useDeviceNotices(): void {
  useApiEvent('devices.changed', ({ words, tone }) => {
    if (tone === 'info') useAppStore.getState().showInfo(words);
    else useAppStore.setState({ notice: { tone: 'error', message: words } });
  });
}
