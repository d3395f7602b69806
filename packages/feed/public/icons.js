import { svg } from './dom.js'

// 24×24 outline icons, drawn with the current text colour. Labels carry the meaning; icons only reinforce it.
export const KINDS = {
  volume_spike: { label: 'Volume spike', path: 'M3 20h18M6 16v-4M10 16V8M14 16v-6M18 16V4' },
  emerging_term: {
    label: 'Emerging term',
    path: 'M12 3l2.2 5.6L20 11l-5.8 2.4L12 19l-2.2-5.6L4 11l5.8-2.4z',
  },
  sentiment_shift: { label: 'Sentiment shift', path: 'M3 14c3-6 6-6 9 0s6 6 9 0M3 6h4M17 6h4' },
  misinformation_surge: { label: 'Misinformation surge', path: 'M12 3l10 18H2zM12 10v5M12 18v.5' },
  information_void: {
    label: 'Information void',
    path: 'M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18M9 9.5a3 3 0 1 1 4 2.8c-.7.3-1 .9-1 1.7M12 17v.5',
  },
  phi_exposure: { label: 'PHI exposure', path: 'M6 11h12v10H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3M12 15v2' },
}

export const SEVERITIES = {
  critical: { label: 'Critical', path: 'M12 2l10 10-10 10L2 12z' },
  warning: { label: 'Warning', path: 'M12 3l10 18H2z' },
  info: { label: 'Info', path: 'M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18' },
}

export function kindIcon(kind) {
  const spec = KINDS[kind] ?? { path: 'M4 4h16v16H4z' }
  return svg(
    'svg',
    { class: 'icon icon-kind', viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' },
    svg('path', { d: spec.path }),
  )
}

export function severityIcon(severity) {
  const spec = SEVERITIES[severity] ?? SEVERITIES.info
  return svg(
    'svg',
    {
      class: `icon icon-severity sev-${severity}`,
      viewBox: '0 0 24 24',
      'aria-hidden': 'true',
      focusable: 'false',
    },
    svg('path', { d: spec.path }),
  )
}

export const kindLabel = (kind) => KINDS[kind]?.label ?? kind
export const severityLabel = (severity) => SEVERITIES[severity]?.label ?? severity
