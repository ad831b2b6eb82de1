import { lazy, Suspense } from 'react';
import { NavLink, Route, Routes } from 'react-router-dom';
import { CheckPage } from './pages/CheckPage.js';
import { PeoplePage } from './pages/PeoplePage.js';
import { PersonPage } from './pages/PersonPage.js';
import { ThisMonth } from './pages/ThisMonth.js';
import { GlobalSearch } from './search/GlobalSearch.js';

// The pages opened every day (this month, people, a person, the check) stay in the main script: a
// returning user's browser keeps it compiled, and measured in one run beside each other
// (scripts, 2026-12-01) loading those pages as chunks of their own cost each load more browser CPU
// (more modules to fetch and instantiate, a commit of the fallback first) than it saved. Their data
// is asked for as the route is known (data/prefetch-route.ts). The other pages load when opened.
// The map brings WebGL and graph libraries (most of the app's weight): loaded when opened.
const MapPage = lazy(() => import('./pages/MapPage.js').then((m) => ({ default: m.MapPage })));
// So does the analysis page: the graph engine is loaded only when it is used.
const AnalysePage = lazy(() => import('./pages/AnalysePage.js').then((m) => ({ default: m.AnalysePage })));
// The team's map draws with sigma too (it put sigma and graphology, 140 KB of 630, in every page's
// script); the team pages, import and settings are visited now and then: each loads when opened,
// so the pages opened every day (this month, people, a person, the check) start sooner.
const TeamMapPage = lazy(() => import('./team/TeamMapPage.js').then((m) => ({ default: m.TeamMapPage })));
const TeamPage = lazy(() => import('./team/TeamPage.js').then((m) => ({ default: m.TeamPage })));
const TeamsPage = lazy(() => import('./team/TeamsPage.js').then((m) => ({ default: m.TeamsPage })));
const TeamInvitePage = lazy(() => import('./team/TeamsPage.js').then((m) => ({ default: m.TeamInvitePage })));
const PlanPage = lazy(() => import('./pages/PlanPage.js').then((m) => ({ default: m.PlanPage })));
const NetworksPage = lazy(() => import('./pages/NetworksPage.js').then((m) => ({ default: m.NetworksPage })));
const GoalsPage = lazy(() => import('./pages/GoalsPage.js').then((m) => ({ default: m.GoalsPage })));
const NetworkPage = lazy(() => import('./pages/NetworkPage.js').then((m) => ({ default: m.NetworkPage })));
const LogPage = lazy(() => import('./pages/LogPage.js').then((m) => ({ default: m.LogPage })));
const ImportPage = lazy(() => import('./pages/ImportPage.js').then((m) => ({ default: m.ImportPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage.js').then((m) => ({ default: m.SettingsPage })));

const NAV = [
  ['/', 'This month'],
  ['/people', 'People'],
  ['/networks', 'Networks'],
  ['/goals', 'Goals'],
  ['/map', 'Map'],
  ['/analyse', 'Analyse'],
  ['/plan', 'Plan'],
  ['/check', 'Check'],
  ['/log', 'Log'],
  ['/teams', 'Teams'],
  ['/import', 'Import'],
  ['/settings', 'Settings'],
] as const;

export function App() {
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand" aria-label="Waggle">
          Waggle
        </span>
        <nav aria-label="Main">
          {NAV.map(([to, label]) => (
            <NavLink key={to} to={to} end={to === '/'}>
              {label}
            </NavLink>
          ))}
        </nav>
        <GlobalSearch />
      </header>
      <main id="main">
        <Suspense fallback={<p>Loading…</p>}>
          <Routes>
            <Route path="/" element={<ThisMonth />} />
            <Route path="/people" element={<PeoplePage />} />
            <Route path="/people/:id" element={<PersonPage />} />
            <Route path="/check" element={<CheckPage />} />
            <Route path="/plan" element={<PlanPage />} />
            <Route
              path="/map"
              element={
                <Suspense fallback={<p>Loading the map…</p>}>
                  <MapPage />
                </Suspense>
              }
            />
            <Route
              path="/analyse"
              element={
                <Suspense fallback={<p>Loading the analysis…</p>}>
                  <AnalysePage />
                </Suspense>
              }
            />
            <Route path="/import" element={<ImportPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="/networks" element={<NetworksPage />} />
            <Route path="/networks/:id" element={<NetworkPage />} />
            <Route path="/goals" element={<GoalsPage />} />
            <Route path="/log" element={<LogPage />} />
            <Route path="/teams" element={<TeamsPage />} />
            <Route path="/teams/:id" element={<TeamPage />} />
            <Route path="/teams/:id/map" element={<TeamMapPage />} />
            <Route path="/team-invite/:token" element={<TeamInvitePage />} />
            <Route path="*" element={<p>There is nothing here. Start from <NavLink to="/">this month</NavLink>.</p>} />
          </Routes>
        </Suspense>
      </main>
    </div>
  );
}
