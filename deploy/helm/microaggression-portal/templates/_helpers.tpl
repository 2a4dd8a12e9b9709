{{- define "portal.labels" -}}
app.kubernetes.io/name: microaggression-portal
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}

{{- define "portal.selector" -}}
app.kubernetes.io/name: microaggression-portal
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end }}
