import { NavLink } from 'react-router';
import { useNotificationText } from './notificationText';

/** The header's way to the person's alert channels (push on this device, email). */
export function NotificationsLink() {
  const text = useNotificationText();
  return <NavLink to="/account/notifications">{text('notifications.link')}</NavLink>;
}
