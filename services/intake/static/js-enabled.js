// What the NHS.UK page template does inline, served from our own origin so that the
// Content-Security-Policy can forbid inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '')
