; CampDesk's Windows installer, for the staff's PCs (Inno Setup 6.3 or later).
; Build the bundle first (pyinstaller installer\campdesk.spec), then: iscc installer\campdesk.iss
; installer\README.md says it step by step.
;
; - Installs for the signed-in user only, without administrator rights, into
;   %LOCALAPPDATA%\Programs\CampDesk; a Start-menu entry, a desktop icon if wanted.
; - CampDesk's data (database, backups, settings, logs) is not in that folder: it is the
;   user-data folder %LOCALAPPDATA%\CampDesk, which the installer never touches. An upgrade
;   replaces the program files only (same AppId: it installs over the older version), and the
;   new CampDesk upgrades the database itself at its next start, after backing it up.
;   Uninstalling removes the program and leaves the data folder where it is.

#define AppName "CampDesk"
#define AppExe "CampDesk.exe"
#define Bundle AddBackslash(SourcePath) + "..\dist\CampDesk"
#define AppIcon AddBackslash(SourcePath) + "..\resources\app\campdesk.ico"
#define KoreanMessages AddBackslash(CompilerPath) + "Languages\Korean.isl"

#if !FileExists(Bundle + "\" + AppExe)
  #error dist\CampDesk\CampDesk.exe is missing: build it first with pyinstaller installer\campdesk.spec
#endif
; The version is CampDesk's own (campdesk/__init__.py), which the spec writes into
; CampDesk.exe; iscc /DAppVersion=X.Y.Z overrides it.
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(Bundle + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error CampDesk.exe has no version: build it with installer\campdesk.spec, or pass /DAppVersion=X.Y.Z
#endif

[Setup]
; Never change the AppId: it is how a newer installer finds the installed CampDesk to upgrade.
AppId={{DCC4C0D1-0489-420F-91EF-3F1185512EAB}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=광주 AI창업캠프
AppComments=광주 AI창업캠프 상담·입주 관리 프로그램
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DisableDirPage=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=CampDesk-{#AppVersion}-setup
#if FileExists(AppIcon)
SetupIconFile={#AppIcon}
#endif
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
; A CampDesk still running is closed first (it keeps nothing unsaved: every change is
; written when it is made).
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no

[Languages]
#if FileExists(KoreanMessages)
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
#if FileExists(KoreanMessages)
korean.DataKept=CampDesk의 데이터(데이터베이스, 백업, 설정)는 지우지 않았습니다:%n%1%n%nCampDesk를 다시 설치하면 그대로 이어서 씁니다. 필요 없으면 이 폴더를 직접 지우세요.
#endif
english.DataKept=CampDesk's data (database, backups, settings) was not removed:%n%1%n%nInstall CampDesk again to carry on with it, or delete that folder yourself.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the program files whole: nothing of an older version stays behind.
; Only the program folder: the data folder is elsewhere and is never touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: dirifempty; Name: "{app}"

[Code]
{ The data folder is platformdirs' user-data folder for CampDesk (campdesk/paths.py). }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\{#AppName}');
    if DirExists(DataDir) and not UninstallSilent then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
