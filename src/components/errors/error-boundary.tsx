import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorPanel } from './error-panel';

interface State {
  error: unknown;
}

/** Catches render errors of a subtree (app, route or panel) and offers a reset. */
export class ErrorBoundary extends Component<
  {
    children: ReactNode;
    fallback?: (error: unknown, reset: () => void) => ReactNode;
    resetKey?: unknown;
  },
  State
> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey?: unknown }) {
    if (this.state.error !== null && prev.resetKey !== this.props.resetKey)
      this.setState({ error: null });
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo) {
    // Intentionally not logged: errors may carry request data; the panel shows what the user needs.
  }

  reset = () => this.setState({ error: null });

  override render() {
    if (this.state.error !== null) {
      return this.props.fallback ? (
        this.props.fallback(this.state.error, this.reset)
      ) : (
        <ErrorPanel error={this.state.error} onRetry={this.reset} />
      );
    }
    return this.props.children;
  }
}
