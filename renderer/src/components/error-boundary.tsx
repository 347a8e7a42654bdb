import { Component, type ErrorInfo, type ReactNode } from 'react';

type State = { failed: boolean };

/** A crashed screen says so in words and offers a way back; the stack goes to the console only. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('[packbench] a screen failed to draw', error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="notice notice-error" role="alert">
        <div className="notice-text">
          <p className="notice-message">This screen could not be drawn. Your data was not changed.</p>
          <p className="notice-hint">Switch to another screen and back, or reload the page.</p>
        </div>
        <button type="button" className="button" onClick={() => this.setState({ failed: false })}>Try again</button>
      </div>
    );
  }
}
