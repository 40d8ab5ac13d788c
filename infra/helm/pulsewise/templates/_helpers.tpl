{{/* Names */}}
{{- define "pulsewise.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "pulsewise.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "pulsewise.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels: (dict "root" $ "component" "api") */}}
{{- define "pulsewise.labels" -}}
helm.sh/chart: {{ include "pulsewise.chart" .root }}
{{ include "pulsewise.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: pulsewise
{{- end }}

{{- define "pulsewise.selectorLabels" -}}
app.kubernetes.io/name: {{ include "pulsewise.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Image reference: (dict "root" $ "image" .Values.api.image) */}}
{{- define "pulsewise.image" -}}
{{- $tag := .image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if .root.Values.image.registry -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .image.repository $tag -}}
{{- end -}}
{{- end }}

{{- define "pulsewise.secretName" -}}
{{- required "secrets.existingSecret is required: create a Secret with DATABASE_URL, DATABASE_ADMIN_URL, REDIS_URL, JWT_SECRET, SECRETS_KEY, SMTP_URL (and METRICS_TOKEN) — see values.yaml" .Values.secrets.existingSecret -}}
{{- end }}

{{/* env entries read from the Secret: (dict "root" $ "keys" (list ...) "metrics" true) — "metrics" adds
METRICS_TOKEN when metrics.enabled */}}
{{- define "pulsewise.secretEnv" -}}
{{- $secret := include "pulsewise.secretName" .root -}}
{{- $keys := .keys -}}
{{- if and .metrics .root.Values.metrics.enabled }}{{ $keys = append $keys "METRICS_TOKEN" }}{{ end -}}
{{- range $keys }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ . }}
{{- end }}
{{- end }}

{{/* env entries from a component's `env` map */}}
{{- define "pulsewise.extraEnv" -}}
{{- range $name, $value := . }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end }}

{{/* Pod spec fields every workload shares: (dict "root" $ "component" .Values.api) */}}
{{- define "pulsewise.podCommon" -}}
automountServiceAccountToken: false
{{- with .root.Values.serviceAccountName }}
serviceAccountName: {{ . }}
{{- end }}
{{- with .root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml (merge (dict) (.component.podSecurityContext | default (dict)) .root.Values.podSecurityContext) | nindent 2 }}
{{- with .component.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .component.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .component.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .component.topologySpreadConstraints }}
topologySpreadConstraints:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}
