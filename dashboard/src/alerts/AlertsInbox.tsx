export function AlertsInbox() { return <p>todo</p>; }
