; Inno Setup script of Privacy Wizard for Windows (Inno Setup 6).
;
; Build the one-folder app on Windows first (same spec as Linux and macOS), then compile this
; script with the app's version (wizard.__version__, the one version number):
;   py -3.11 -m venv .venv
;   .venv\Scripts\python -m pip install --require-hashes -r requirements\package.txt
;   .venv\Scripts\python -m pip install --no-deps -e .
;   .venv\Scripts\python -m wizard.i18n_build
;   .venv\Scripts\pyinstaller --noconfirm --clean packaging\privacy-wizard.spec
;   for /f %v in ('.venv\Scripts\python -c "import wizard; print(wizard.__version__)"') do ^
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=%v packaging\windows\privacy-wizard.iss
; -> dist\installer\privacy-wizard-<version>-setup.exe   (.github/workflows/build.yml does the same)
;
; It installs dist\privacy-wizard\ (the windowed "Privacy Wizard.exe" and the console
; privacy-wizard.exe for the command line), a start-menu entry, an optional desktop icon, the
; association of *.privacy.json project files, and an uninstaller. Per-user by default (no admin
; rights needed); the user may choose an install for all users. It shows the GPL before
; installing and installs the licence texts (the app's, the fonts' and the cookie data's).
; Not built or tested on this project's Linux CI: see docs/packaging.md.

#define AppName "Privacy Wizard"
; The default is kept equal to wizard.__version__ by a test; the build passes /DAppVersion.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppPublisher "The Privacy Wizard authors"
#define AppExe "Privacy Wizard.exe"
#define ProgId "PrivacyWizard.Project"

[Setup]
; A fixed AppId keeps upgrades and the uninstaller tied together: never change it.
AppId={{6E0C3B52-8F5B-4C1A-9A57-3D2E7F1B9C40}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
LicenseFile=..\..\LICENSE
SetupIconFile=privacy-wizard.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\..\dist\installer
OutputBaseFilename=privacy-wizard-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\privacy-wizard\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; *.privacy.json opens in the wizard. Windows matches the last extension, so the association is
; on ".json" as an "open with" choice, and a ProgId that the project files' verb uses.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Privacy Wizard project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
