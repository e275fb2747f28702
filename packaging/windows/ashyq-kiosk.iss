; Inno Setup script: the Windows installer of the one-folder bundle.
; Built by .github/workflows/windows.yml (iscc packaging\windows\ashyq-kiosk.iss)
; after PyInstaller has made dist\ashyq-kiosk. Per machine: the program in
; Program Files, the settings and the data in ProgramData (writable by every
; user, so a kiosk account made after the installation finds them), and the
; scheduled task for every user who logs on (`ashyq-kiosk install --autostart`).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Shared "{commonappdata}\ashyq-kiosk"

[Setup]
AppId={{B2E1A9E3-946B-5FBD-9AF5-9AC193380DAE}
AppName=ashyq-kiosk
AppVersion={#AppVersion}
AppPublisher=ashyq-kiosk
DefaultDirName={autopf}\ashyq-kiosk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=ashyq-kiosk-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
UninstallDisplayIcon={app}\ashyq-kiosk.exe

[Dirs]
Name: "{#Shared}"; Permissions: users-modify
Name: "{#Shared}\data"; Permissions: users-modify

[Files]
Source: "..\..\dist\ashyq-kiosk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The settings: the shipped defaults, once; an upgrade keeps the venue's own.
Source: "..\..\config\default.toml"; DestDir: "{#Shared}"; DestName: "config.toml"; Flags: onlyifdoesntexist uninsneveruninstall

[Run]
Filename: "{app}\ashyq-kiosk.exe"; Parameters: "install --autostart --config ""{#Shared}\config.toml"" --data-dir ""{#Shared}\data"""; Flags: runhidden waituntilterminated; StatusMsg: "Registering the kiosk to start at log-on..."

[UninstallRun]
Filename: "{app}\ashyq-kiosk.exe"; Parameters: "install --uninstall --data-dir ""{#Shared}\data"""; Flags: runhidden waituntilterminated; RunOnceId: "RemoveTask"
