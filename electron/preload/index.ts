import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// The whole door between page and app: one call and one event stream. No raw ipcRenderer.
contextBridge.exposeInMainWorld('packbench', {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('packbench:call', String(method), input),
  onMessage: (listener: (message: unknown) => void): (() => void) => {
    const handler = (_event: IpcRendererEvent, message: unknown) => listener(message);
    ipcRenderer.on('packbench:event', handler);
    return () => { ipcRenderer.off('packbench:event', handler); };
  },
});
