import { NavLink } from 'react-router';
import { useSecurityText } from './securityText';

/** The header's way to the caller's second factors. */
export function SecurityLink() {
  const text = useSecurityText();
  return <NavLink to="/account/security">{text('security.link')}</NavLink>;
}
