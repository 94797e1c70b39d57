export function BarnPage() { return <p>todo</p>; }
