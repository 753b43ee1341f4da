// The list of in-page links at the top of long pages (admin, campaign, dashboards).
export function SectionNav({ label, links }: { label: string; links: readonly (readonly [href: string, text: string])[] }) {
  return (
    <nav aria-label={label} className="section-nav">
      <ul>
        {links.map(([href, text]) => (
          <li key={href}>
            <a href={href}>{text}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
