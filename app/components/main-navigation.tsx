import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NavigationItem } from "~/utils/navigation.ts";

export function MainNavigation({ items }: { items: NavigationItem[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("shell.mainNavigation")} className="main-nav">
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <NavLink to={item.href} end={item.href === "/"}>
              {t(`nav.${item.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
