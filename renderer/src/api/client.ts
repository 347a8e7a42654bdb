import { useAppStore } from '../stores/app-store';
import { connect } from './connect';

/** The one connection to the core for the whole renderer; its state shows in the top bar. */
export const api = connect((state) => useAppStore.getState().setConnection(state));
