// Progressive enhancement only: character counts, exclusive checkboxes, error summary focus.
// Every page works without it.
import { initAll } from './nhsuk/nhsuk-frontend.min.js'

initAll()
