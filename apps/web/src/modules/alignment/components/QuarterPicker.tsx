import { useId } from 'react';
import { describeQuarter } from '../utils/success-statements';

export function QuarterPicker({ quarters, value, onChange }: { quarters: readonly string[]; value: string; onChange: (q: string) => void }) {
  const id = useId();
  return (
    <div className="field quarter-picker">
      <label className="field__label" htmlFor={id}>
        Quarter
      </label>
      <select id={id} className="field__input" value={value} onChange={(e) => onChange(e.target.value)}>
        {quarters.map((q, i) => (
          <option key={q} value={q}>
            {describeQuarter(q)}
            {i === 0 ? ' (this quarter)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
