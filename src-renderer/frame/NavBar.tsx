import type { ScreenId } from '../state/station';
import { useSpeaker } from '../i18n/messages';
import { navItems, type NavItem } from './navigation';

function NavLink({
  item,
  current,
  go,
}: {
  item: NavItem;
  current: boolean;
  go: (screen: ScreenId) => void;
}) {
  const { t, say } = useSpeaker();
  return (
    <li>
      <button
        type="button"
        className={current ? 'nav-link nav-current' : 'nav-link'}
        aria-current={current ? 'page' : undefined}
        aria-keyshortcuts={`${item.key} Alt+${item.digit}`}
        title={t('nav.shortcut', { key: item.key, digit: item.digit })}
        onClick={() => go(item.screen)}
        data-testid={`nav-${item.screen}`}
      >
        <span className="nav-name">{say({ key: item.label, params: {} })}</span>
        <kbd className="nav-key">{item.key}</kbd>
      </button>
    </li>
  );
}

/** The screens, each with its shortcut in sight: the packer's work first, then Settings. */
export function NavBar({ screen, go }: { screen: ScreenId; go: (screen: ScreenId) => void }) {
  const { t } = useSpeaker();
  const groups = [
    { group: 'work', title: t('nav.work') },
    { group: 'settings', title: t('nav.settings') },
  ] as const;
  return (
    <nav className="nav" aria-label={t('nav.label')} data-testid="nav">
      {groups.map(({ group, title }) => (
        <section key={group} className={`nav-group nav-group-${group}`}>
          <h2 className="nav-group-title" id={`nav-group-${group}`}>
            {title}
          </h2>
          <ul aria-labelledby={`nav-group-${group}`}>
            {navItems
              .filter((item) => item.group === group)
              .map((item) => (
                <NavLink key={item.screen} item={item} current={item.screen === screen} go={go} />
              ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
