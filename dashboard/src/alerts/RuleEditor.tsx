export function RuleEditor() { return <p>todo</p>; }
