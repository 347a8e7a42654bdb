import type { SoakOperation } from '../soak-types';
import { adjustStock } from './adjust-stock';
import { holdOrder } from './hold-order';
import { packOrder } from './pack-order';
import { reloadPage } from './reload-page';
import { retryLabels } from './retry-labels';
import { returnOrder } from './return-order';

/** The day at the bench. Later work adds its own operations here, one line each (sync, carriers …). */
export const OPERATIONS: SoakOperation[] = [packOrder, adjustStock, holdOrder, retryLabels, reloadPage, returnOrder];
