// The collège a link or a mailing is preset to, or none: the respondent then chooses it in the questionnaire.
import type { CollegeChoice } from '../college';

export function CollegeSelect({ id, colleges, value, onChange }: { id: string; colleges: CollegeChoice[]; value: string; onChange: (value: string) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">— Au choix du répondant —</option>
      {colleges.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
