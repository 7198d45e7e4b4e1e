"""Resources shipped with the app: templates, fonts, reference data and icons."""
