// What `--restore-backup latest` does before the station opens its database, run as its own process.
import { restoreBackupOffline } from '../../electron/core/store/restore';

const restored = restoreBackupOffline(process.argv[2]!, process.argv[3] ?? 'latest');
console.log(`Packbench: the backup ${restored.backup} was put back. The file it replaced was kept as ${restored.keptAs}.`);
