import type { SwitchState } from '../api';
import { stateLabel } from '../utils/labels';

interface StateBadgeProps {
	state: SwitchState;
	testId?: string;
}

export function StateBadge( { state, testId }: StateBadgeProps ) {
	return (
		<span
			className={ `sophmate-safe-mode__badge is-${ state }` }
			data-testid={ testId }
		>
			{ stateLabel( state ) }
		</span>
	);
}
