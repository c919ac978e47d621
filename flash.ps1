<#
.SYNOPSIS
    Flashes an ESP32 board with nanoCLR, the clife loader and its libraries, and the clife application image.

.DESCRIPTION
    The board comes from boards/<name>.json (nanoff target, storage, console pins). The plan, run with nanoff over the
    board's serial port:

      0. installs nanoff when it is missing (dotnet tool install -g nanoff);
      1. flashes the board's nanoCLR (--update; a first flash also mass-erases the chip, -Update keeps the I: drive
         with the Wi-Fi settings, the login and the slots), and in the same run copies two files onto the I: drive with
         nanoff's file deployment: the board file (I:\clife-board.json) and the application bundle, staged as
         I:\clife-install.clb;
      2. deploys the loader with every nanoFramework library the application needs into the deploy area (--deploy).
         The device then boots the loader, which installs the staged bundle into slot A with a fresh boot record,
         deletes the staged file and starts the application.

    Why staged: nanoff can write the deploy area and files on I:, but it knows nothing of the firmware's storage
    format (areas with NOR semantics, a two-copy boot record). The loader owns that format: it verifies the staged
    image before touching slot A (a broken one changes nothing) and installs it with BootManager.InstallFactoryImage,
    the same code the virtual device uses. nanoff's file deployment reports failures but still exits 0, so the loader's
    check is the one that counts: watch the console.

    Every argument is checked before anything runs. With -WhatIf the script prints the exact commands (and the file
    deployment plan) and changes nothing.

.PARAMETER Board
    Board name: a file in boards/ without .json (esp32-devkitc, esp32-wrover-kit, esp32-s3-devkitc-1, esp32-c3-devkitm-1).

.PARAMETER Port
    The board's serial port: COM5 on Windows, /dev/ttyUSB0 or /dev/ttyACM0 on Linux, /dev/cu.usbserial-* on macOS.

.PARAMETER Update
    The board already runs this firmware: flash nanoCLR without the mass erase, so the I: drive (configuration, login,
    slots) survives; the new image still replaces slot A with a fresh boot record.

.PARAMETER Image
    The application bundle to install. Default: packed from the Visual Studio build of Clife.Device.Esp32.nfproj
    (Clife.Device.Core.pe and Clife.Device.Esp32.pe in its bin/Release) with the image bundler (tools/Clife.ImageBundler).

.PARAMETER LoaderImage
    The loader's deployment image. Default: Clife.Device.Loader.bin from the Visual Studio build of
    Clife.Device.Loader.nfproj (bin/Release).

.PARAMETER Software
    Software version written into a bundle packed by this script (default 1.0.0.0).

.EXAMPLE
    ./flash.ps1 -Board esp32-s3-devkitc-1 -Port COM5

.EXAMPLE
    ./flash.ps1 -Board esp32-s3-devkitc-1 -Port /dev/ttyACM0 -Update -Image ./clife-1.2.0.0.clb -WhatIf
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [string]$Board,
    [string]$Port,
    [switch]$Update,
    [string]$Image,
    [string]$LoaderImage,
    [string]$Software = '1.0.0.0'
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$Root = $PSScriptRoot
$DryRun = [bool]$WhatIfPreference
$BoardOnDevice = 'I:\clife-board.json'
$ImageOnDevice = 'I:\clife-install.clb'
$BundleMagic = 0x4D494C43   # "CLIM", BundleHeader.Magic

function Fail([string]$message) {
    [Console]::Error.WriteLine("flash.ps1: error: $message")
    exit 2
}

function Note([string]$message) {
    Write-Host "flash.ps1: $message"
}

function Number([string]$text, [string]$what) {
    $t = $text.Trim()
    try {
        if ($t.StartsWith('0x') -or $t.StartsWith('0X')) { return [Convert]::ToInt64($t.Substring(2), 16) }
        return [Convert]::ToInt64($t, 10)
    }
    catch {
        Fail "board file: $what '$text' is not a number"
    }
}

function Quote([string]$arg) {
    if ($arg -match '[\s"]') { return '"' + $arg.Replace('"', '\"') + '"' }
    return $arg
}

function Show([string]$exe, [string[]]$arguments) {
    return (@($exe) + ($arguments | ForEach-Object { Quote $_ })) -join ' '
}

# Reads the header of an image bundle (BundleHeader: "CLIM", format, header length, versions ...).
function Read-Bundle([string]$path) {
    $bytes = [System.IO.File]::ReadAllBytes($path)
    if ($bytes.Length -lt 32 -or [BitConverter]::ToUInt32($bytes, 0) -ne $BundleMagic) {
        Fail "$path is not a clife image bundle (no CLIM header); pack one with: dotnet run --project tools/Clife.ImageBundler -- pack"
    }
    $headerLength = [BitConverter]::ToUInt16($bytes, 6)
    $payload = [BitConverter]::ToUInt32($bytes, 20)
    return [pscustomobject]@{
        Length   = $bytes.Length
        Declared = $headerLength + $payload
        Software = '{0}.{1}.{2}.{3}' -f $bytes[8], $bytes[9], $bytes[10], $bytes[11]
        Hardware = '{0}.{1}' -f $bytes[12], $bytes[13]
    }
}

# ---- 1. Check every argument before anything runs ----

$boardsDir = Join-Path $Root 'boards'
$known = @(Get-ChildItem -Path $boardsDir -Filter '*.json' | ForEach-Object { $_.BaseName } | Sort-Object)
if ([string]::IsNullOrWhiteSpace($Board)) {
    Fail ("missing -Board; known boards: " + ($known -join ', '))
}
$boardFile = Join-Path $boardsDir ($Board + '.json')
if ($known -notcontains $Board -or -not (Test-Path -LiteralPath $boardFile -PathType Leaf)) {
    Fail ("unknown board '$Board'; known boards: " + ($known -join ', '))
}
if ([string]::IsNullOrWhiteSpace($Port)) {
    Fail "missing -Port: the board's serial port (COM5 on Windows, /dev/ttyUSB0 or /dev/ttyACM0 on Linux, /dev/cu.usbserial-... on macOS)"
}

$desc = Get-Content -LiteralPath $boardFile -Raw | ConvertFrom-Json
$target = [string]$desc.nanoffTarget
$slotSize = Number ([string]$desc.storage.slotSize) 'storage.slotSize'
$hardware = [string]$desc.hardware
if ([string]::IsNullOrWhiteSpace($target)) { Fail "board file $boardFile has no nanoffTarget" }

$steps = New-Object System.Collections.Generic.List[object]
$warnings = New-Object System.Collections.Generic.List[string]
$tempDir = [System.IO.Path]::GetTempPath()

# The application bundle: given, or packed from the Visual Studio build.
$appBin = Join-Path $Root 'firmware/Esp32/Clife.Device.Esp32/bin/Release'
$bundlePath = $Image
if ([string]::IsNullOrWhiteSpace($Image)) {
    $pes = @((Join-Path $appBin 'Clife.Device.Core.pe'), (Join-Path $appBin 'Clife.Device.Esp32.pe'))
    $missing = @($pes | Where-Object { -not (Test-Path -LiteralPath $_ -PathType Leaf) })
    $bundlePath = Join-Path $tempDir "clife-$Board-$Software.clb"
    if ($missing.Count -gt 0) {
        $msg = "no -Image given and the application is not built (missing " + ($missing -join ', ') + "): build firmware/Esp32/Clife.Device.Esp32/Clife.Device.Esp32.nfproj in Visual Studio, or pass -Image"
        if (-not $DryRun) { Fail $msg }
        $warnings.Add($msg)
    }
    # The bundler compresses the assemblies and, with --board, refuses a bundle that does not fit a slot of the board
    # before anything touches the device.
    $steps.Add([pscustomobject]@{
        What = 'pack the application bundle'
        Exe  = 'dotnet'
        Args = @('run', '--project', (Join-Path $Root 'tools/Clife.ImageBundler'), '-c', 'Release', '--', 'pack', '--out', $bundlePath,
                 '--software', $Software, '--hardware', $hardware, '--product-ver', '1', '--board', $Board) + $pes
    })
}
else {
    if (-not (Test-Path -LiteralPath $Image -PathType Leaf)) { Fail "image $Image does not exist" }
    $bundlePath = (Resolve-Path -LiteralPath $Image).Path
    $info = Read-Bundle $bundlePath
    if ($info.Length -ne $info.Declared) {
        Fail "$Image is $($info.Length) bytes but its header says $($info.Declared): the file is truncated or has trailing bytes"
    }
    if ($info.Length -gt $slotSize) {
        Fail "image $Image is $($info.Length) bytes but a slot of board $Board holds $slotSize bytes (storage.slotSize in $boardFile)"
    }
    if ($info.Hardware -ne $hardware) {
        Fail "image $Image is for hardware $($info.Hardware) but board $Board is hardware $hardware"
    }
    Note "image $bundlePath`: software $($info.Software), hardware $($info.Hardware), $($info.Length) bytes (slot: $slotSize bytes)"
}

# The loader's deployment image (loader + libraries), from the Visual Studio build.
if ([string]::IsNullOrWhiteSpace($LoaderImage)) {
    $LoaderImage = Join-Path $Root 'firmware/Esp32/Clife.Device.Loader/bin/Release/Clife.Device.Loader.bin'
}
if (-not (Test-Path -LiteralPath $LoaderImage -PathType Leaf)) {
    $msg = "the loader is not built ($LoaderImage is missing): build firmware/Esp32/Clife.Device.Loader/Clife.Device.Loader.nfproj in Visual Studio, or pass -LoaderImage"
    if (-not $DryRun) { Fail $msg }
    $warnings.Add($msg)
}

# ---- 2. The plan ----

$nanoff = 'nanoff'
if (-not (Get-Command $nanoff -ErrorAction SilentlyContinue)) {
    $steps.Insert(0, [pscustomobject]@{ What = 'install nanoff'; Exe = 'dotnet'; Args = @('tool', 'install', '-g', 'nanoff') })
}

$deployPlan = Join-Path $tempDir "clife-flash-$Board.json"
$deployJson = [ordered]@{
    SerialPort = $Port
    Files      = @(
        [ordered]@{ DestinationFilePath = $BoardOnDevice; SourceFilePath = (Resolve-Path -LiteralPath $boardFile).Path },
        [ordered]@{ DestinationFilePath = $ImageOnDevice; SourceFilePath = $bundlePath }
    )
} | ConvertTo-Json -Depth 4

$flashArgs = @('--platform', 'esp32', '--target', $target, '--serialport', $Port, '--update')
if (-not $Update) { $flashArgs += '--masserase' }
$flashArgs += @('--filedeployment', $deployPlan)
$steps.Add([pscustomobject]@{
    What = $(if ($Update) { 'update nanoCLR (keeping the I: drive), copy the board file and stage the image on I:' } else { 'mass-erase the chip, flash nanoCLR, copy the board file and stage the image on I:' })
    Exe  = $nanoff
    Args = $flashArgs
})
$steps.Add([pscustomobject]@{
    What = 'deploy the loader and its libraries; the loader then installs the staged image into slot A and starts it'
    Exe  = $nanoff
    Args = @('--platform', 'esp32', '--target', $target, '--serialport', $Port, '--deploy', '--image', $LoaderImage)
})

Write-Host "Board:  $Board ($($desc.description))"
Write-Host "Target: $target on $Port; slot size $slotSize bytes"
Write-Host "Plan:"
$n = 0
foreach ($s in $steps) {
    $n++
    Write-Host ("  {0}. {1}" -f $n, $s.What)
    Write-Host ("     " + (Show $s.Exe $s.Args))
}
Write-Host "File deployment plan ($deployPlan):"
Write-Host $deployJson
foreach ($w in $warnings) { Write-Warning $w }

$console = $desc.console
$afterwards = "Then open the console: $($console.uart) at $($console.baudRate) baud, 8N1, on GPIO$($console.txPin) (TX) and GPIO$($console.rxPin) (RX) through a 3.3 V USB-UART adapter, and type: status"

if ($DryRun) {
    Write-Host "WhatIf: nothing was run."
    Write-Host $afterwards
    exit 0
}

# ---- 3. Run it ----

Set-Content -LiteralPath $deployPlan -Value $deployJson -Encoding UTF8
$n = 0
foreach ($s in $steps) {
    $n++
    Note ("step {0}: {1}" -f $n, $s.What)
    & $s.Exe @($s.Args)
    if ($LASTEXITCODE -ne 0) {
        [Console]::Error.WriteLine("flash.ps1: step $n failed (exit code $LASTEXITCODE): " + (Show $s.Exe $s.Args))
        exit 1
    }
    if ($s.What -eq 'install nanoff') {
        $toolDir = Join-Path ([Environment]::GetFolderPath('UserProfile')) '.dotnet/tools'
        if ($env:PATH -notlike "*$toolDir*") { $env:PATH = $toolDir + [System.IO.Path]::PathSeparator + $env:PATH }
    }
}
Note "done. The loader installs the image at its first boot (about a minute); nanoff reports a failed file copy without failing, so check the console."
Write-Host $afterwards
exit 0
